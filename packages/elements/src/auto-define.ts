// Side-effect entry for hosts without a bundler: `import '@fovea/elements/define'` registers every tag.
import { defineFoveaElements } from './define.js';

defineFoveaElements();
