//! Development timing of hostile inputs at n and 8n (not a test; see the benchmarks).
fn main() {
    let gens: Vec<(&str, fn(usize) -> String)> = vec![
        ("quotes", |n| "\"".repeat(n)),
        ("said", |n| "said he said ".repeat(n / 10)),
        ("words", |n| "a ".repeat(n)),
        ("names", |n| "Maria Lopez said Tehran ".repeat(n / 20)),
        ("seed", |n| include_str!("../tests/fixtures/seed-article.txt").repeat(n / 3000 + 1)),
    ];
    for (name, g) in gens {
        let mut t = [0f64; 2];
        for (i, n) in [50_000usize, 400_000].iter().enumerate() {
            let s = g(*n);
            let start = std::time::Instant::now();
            let a = quotelens::analyze(&s);
            t[i] = start.elapsed().as_secs_f64();
            std::hint::black_box(a);
        }
        println!("{name}: {:.1} ms -> {:.1} ms, ratio {:.1}", t[0] * 1e3, t[1] * 1e3, t[1] / t[0]);
    }
}
