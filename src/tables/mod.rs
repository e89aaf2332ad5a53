//! Lookup tables for places, demonyms and first names.
//!
//! The data are sorted static arrays in `generated.rs`, which `tests/tables.rs` renders from the
//! files in `data/` (sources, licences and filtering: `data/PROVENANCE.md`). Nothing is parsed
//! at start-up: every lookup is a binary search over bytes (`str`'s `Ord`), which is why the
//! generator sorts each table by the same order and the tests below check it.

// Skipped by rustfmt: its layout is the generator's, and the regeneration test compares bytes.
#[rustfmt::skip]
mod generated;

use crate::model::LocationKind;

/// Words in the longest place form: the core tries n-grams up to this length.
pub(crate) const MAX_PLACE_WORDS: usize = generated::MAX_PLACE_WORDS;

/// Words in the longest demonym ("Turks and Caicos Islander"), for callers that try
/// multi-word demonyms.
#[allow(dead_code)]
pub(crate) const MAX_DEMONYM_WORDS: usize = generated::MAX_DEMONYM_WORDS;

/// A place the tables know.
#[derive(Debug, PartialEq)]
pub(crate) struct Place {
    /// Canonical name ("United States" for "U.S.").
    pub name: &'static str,
    /// Country, region, city, area or water.
    pub kind: LocationKind,
    /// ISO 3166-1 alpha-2 code of the country, or "" for places in none or several.
    pub country: &'static str,
    /// Latitude in degrees (two decimals for cities, countries and regions; areas are rougher).
    pub lat: f32,
    /// Longitude in degrees.
    pub lon: f32,
    /// People living there, to two significant digits (a ranking key, not a statistic); 0 for
    /// areas and water.
    pub population: u32,
    /// [`AMBIGUOUS`] or 0.
    pub flags: u8,
}

/// The surface form that found this place is also a common English word, a common first name
/// or a common surname ("Mobile", "Jordan", "Chad", "Lincoln"), so a match needs support from
/// the context. Set per surface form: "Washington" is ambiguous, "Washington, D.C." is not, and
/// they are distinct `Place` values with the same name.
pub(crate) const AMBIGUOUS: u8 = 1;

/// The gender that a first name usually has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// Mostly men's name.
    Male,
    /// Mostly women's name.
    Female,
    /// Common for both (neither has twice the share of the other in the census data).
    Either,
}

/// The place for an exact, case-sensitive surface form ("U.S.", "Gaza Strip", "Tehran",
/// "São Paulo", "Sao Paulo"). Where several places share a form the generator kept one: a
/// country before a region, a city, an area, water; then the larger population; or the one that
/// `data/aliases.tsv` pins ("New York" is the city). Forms never start with "the".
pub(crate) fn place(surface: &str) -> Option<&'static Place> {
    // Most forms are a place's own name; the rest ("U.S.", "Sao Paulo") have an entry of their
    // own that points into PLACES.
    let named = &generated::PLACES[..generated::NAMED];
    if let Ok(i) = named.binary_search_by(|p| p.name.cmp(surface)) {
        return Some(&named[i]);
    }
    let forms = &generated::PLACE_FORMS;
    let i = forms.binary_search_by(|(f, _)| (*f).cmp(surface)).ok()?;
    Some(&generated::PLACES[usize::from(forms[i].1)])
}

/// The country (ISO 3166-1 alpha-2) of a demonym or its plural, case-sensitive: "Iranian" and
/// "Iranians" -> "IR". Multi-word demonyms ("South Korean", "New Zealanders") are single
/// entries of up to [`MAX_DEMONYM_WORDS`] words. A demonym shared by two countries ("Congolese",
/// "Dominican") gives the more populous one.
pub(crate) fn demonym_country(word: &str) -> Option<&'static str> {
    let t = &generated::DEMONYMS;
    t.binary_search_by(|(f, _)| (*f).cmp(word))
        .ok()
        .map(|i| t[i].1)
}

/// The demonym (adjective) of a country: "QA" -> "Qatari". None for territories whose only
/// English demonym is their name, and for uninhabited ones.
pub(crate) fn country_demonym(iso2: &str) -> Option<&'static str> {
    let t = &generated::COUNTRY_DEMONYMS;
    t.binary_search_by(|(c, _)| (*c).cmp(iso2))
        .ok()
        .map(|i| t[i].1)
}

/// The usual gender of a first name in title case ("Maria", "John", "Masoud"), or None for a
/// name the tables don't know. Hyphenated French names are entries of their own ("Jean-Luc").
pub(crate) fn first_name(name: &str) -> Option<Gender> {
    let t = &generated::FIRST_NAMES;
    t.binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .map(|i| t[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_unique<T>(keys: impl Iterator<Item = T>) -> bool
    where
        T: Ord,
    {
        let v: Vec<T> = keys.collect();
        v.windows(2).all(|w| w[0] < w[1])
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(sorted_unique(
            generated::PLACES[..generated::NAMED].iter().map(|p| p.name)
        ));
        assert!(sorted_unique(generated::PLACE_FORMS.iter().map(|e| e.0)));
        assert!(sorted_unique(generated::DEMONYMS.iter().map(|e| e.0)));
        assert!(sorted_unique(
            generated::COUNTRY_DEMONYMS.iter().map(|e| e.0)
        ));
        assert!(sorted_unique(generated::FIRST_NAMES.iter().map(|e| e.0)));
        assert!(generated::PLACE_FORMS
            .iter()
            .all(|e| usize::from(e.1) < generated::PLACES.len()));
    }

    #[test]
    fn every_form_is_found() {
        for p in generated::PLACES[..generated::NAMED].iter() {
            assert!(std::ptr::eq(place(p.name).unwrap(), p), "{}", p.name);
        }
        for (form, i) in generated::PLACE_FORMS.iter() {
            assert_eq!(
                place(form),
                Some(&generated::PLACES[usize::from(*i)]),
                "{form}"
            );
            assert!(form.split(' ').count() <= MAX_PLACE_WORDS, "{form}");
            assert!(
                !form.starts_with("the ") && !form.starts_with("The "),
                "{form}"
            );
        }
        for (form, _) in generated::DEMONYMS.iter() {
            assert!(form.split(' ').count() <= MAX_DEMONYM_WORDS, "{form}");
        }
    }

    #[test]
    fn countries() {
        for form in ["U.S.", "US", "USA", "United States", "America"] {
            let p = place(form).unwrap_or_else(|| panic!("{form}"));
            assert_eq!(
                (p.kind, p.country, p.name),
                (LocationKind::Country, "US", "United States")
            );
        }
        for form in ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"] {
            assert_eq!(place(form).map(|p| p.country), Some("GB"), "{form}");
        }
        assert_eq!(place("DRC").map(|p| p.country), Some("CD"));
        assert_eq!(place("Ivory Coast").map(|p| p.country), Some("CI"));
        assert_eq!(place("Côte d'Ivoire").map(|p| p.country), Some("CI"));
        assert_eq!(place("Côte d’Ivoire").map(|p| p.country), Some("CI"));
        assert_eq!(place("Burma").map(|p| p.country), Some("MM"));
        assert_eq!(place("Myanmar").map(|p| p.country), Some("MM"));
        assert_eq!(place("Netherlands").map(|p| p.name), Some("Netherlands"));
        // A country and a first name: found, and marked.
        for form in ["Jordan", "Georgia", "Chad"] {
            let p = place(form).unwrap();
            assert_eq!(p.kind, LocationKind::Country, "{form}");
            assert_eq!(p.flags & AMBIGUOUS, AMBIGUOUS, "{form}");
        }
        assert_eq!(place("Israel").unwrap().flags, 0);
        assert_eq!(place("Paris").unwrap().flags, 0);
    }

    #[test]
    fn cities_regions_areas() {
        let t = place("Tehran").unwrap();
        assert_eq!((t.kind, t.country), (LocationKind::City, "IR"));
        assert!((t.lat - 35.7).abs() < 0.1 && (t.lon - 51.4).abs() < 0.1);
        assert_eq!(place("West Asia").unwrap().kind, LocationKind::Area);
        assert_eq!(place("Middle East").unwrap().kind, LocationKind::Area);
        let gaza = place("Gaza").unwrap();
        assert_eq!((gaza.name, gaza.country), ("Gaza Strip", "PS"));
        assert_eq!(place("Gaza Strip"), Some(gaza));
        assert_eq!(place("Gaza City").unwrap().kind, LocationKind::City);
        for city in [
            "Rafah",
            "Khan Younis",
            "Khan Yunis",
            "Jenin",
            "Ramallah",
            "Hebron",
        ] {
            assert_eq!(
                place(city).map(|p| (p.kind, p.country)),
                Some((LocationKind::City, "PS")),
                "{city}"
            );
        }
        assert_eq!(place("New York").unwrap().kind, LocationKind::City);
        assert_eq!(place("Ontario").unwrap().kind, LocationKind::Region);
        assert_eq!(place("California").unwrap().country, "US");
        assert_eq!(place("São Paulo").unwrap().name, "São Paulo");
        assert_eq!(place("Sao Paulo").unwrap().name, "São Paulo");
        assert_eq!(place("Kiev").unwrap().name, "Kyiv");
        assert_eq!(place("Red Sea").unwrap().kind, LocationKind::Water);
        // "Washington" may be a surname; "Washington, D.C." may not.
        let w = place("Washington").unwrap();
        let dc = place("Washington, D.C.").unwrap();
        assert_eq!(
            (w.name, w.kind, dc.name),
            ("Washington", LocationKind::City, "Washington")
        );
        assert_eq!((w.flags, dc.flags), (AMBIGUOUS, 0));
        assert_eq!(
            place("Washington state").unwrap().kind,
            LocationKind::Region
        );
        // Common words that name small cities are dropped; well-known ones are kept, marked.
        assert!(place("Mobile").is_none() && place("Reading").is_none());
        assert_eq!(place("Nice").unwrap().flags, AMBIGUOUS);
        assert_eq!(place("Phoenix").unwrap().flags, AMBIGUOUS);
    }

    #[test]
    fn not_places() {
        for w in [
            "Iranian", "Xinhua", "Muslim", "Arab", "Of", "The", "He", "Reuters", "iran",
        ] {
            assert!(place(w).is_none(), "{w}");
        }
    }

    #[test]
    fn demonyms() {
        assert_eq!(demonym_country("Iranian"), Some("IR"));
        assert_eq!(demonym_country("Iranians"), Some("IR"));
        assert_eq!(demonym_country("Syrian"), Some("SY"));
        assert_eq!(demonym_country("Qatari"), Some("QA"));
        assert_eq!(demonym_country("American"), Some("US"));
        assert_eq!(demonym_country("Americans"), Some("US"));
        assert_eq!(demonym_country("British"), Some("GB"));
        assert_eq!(demonym_country("South Korean"), Some("KR"));
        assert_eq!(demonym_country("Congolese"), Some("CD"));
        assert_eq!(demonym_country("Arab"), None);
        assert_eq!(demonym_country("Muslim"), None);
        assert_eq!(country_demonym("QA"), Some("Qatari"));
        assert_eq!(country_demonym("AE"), Some("Emirati"));
        assert_eq!(country_demonym("US"), Some("American"));
        assert_eq!(country_demonym("AQ"), None);
        // Every adjective leads back to a country (itself, or a more populous namesake).
        for (iso, adj) in generated::COUNTRY_DEMONYMS.iter() {
            assert!(demonym_country(adj).is_some(), "{iso} {adj}");
        }
    }

    #[test]
    fn first_names() {
        assert_eq!(first_name("Maria"), Some(Gender::Female));
        assert_eq!(first_name("John"), Some(Gender::Male));
        assert_eq!(first_name("Masoud"), Some(Gender::Male));
        assert_eq!(first_name("Leslie"), Some(Gender::Either));
        assert_eq!(first_name("Jean-Luc"), Some(Gender::Male));
        assert_eq!(first_name("Xinhua"), None);
        assert_eq!(first_name("maria"), None);
    }
}
