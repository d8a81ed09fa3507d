import { defineFoveaElements } from '@fovea/elements';
import type { Preview } from '@storybook/web-components-vite';

defineFoveaElements();

const preview: Preview = {
  parameters: { layout: 'padded' },
};
export default preview;
