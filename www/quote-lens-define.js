// Registers <quote-lens> once. Safe to import any number of times, from any page or directory.
import { QuoteLensElement } from './quote-lens.js';

export { QuoteLensElement };

if (typeof customElements !== 'undefined' && !customElements.get('quote-lens')) {
  try {
    QuoteLensElement.define();
  } catch (err) {
    // Another copy of this module (say, loaded from a second URL) won the race: that is fine.
    if (!(err instanceof DOMException && err.name === 'NotSupportedError')) throw err;
  }
}
