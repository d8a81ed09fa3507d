import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

/** `<fovea-toolbar>` alone: it only fires `fovea-toolbar-command` events (see the Actions panel). */
const meta: Meta = {
  title: 'Elements/fovea-toolbar',
  component: 'fovea-toolbar',
  parameters: { actions: { handles: ['fovea-toolbar-command'] } },
};
export default meta;

export const Diagnostic: StoryObj = { render: () => html`<fovea-toolbar></fovea-toolbar>` };

export const PanToolPlayingInverted: StoryObj = {
  render: () => html`<fovea-toolbar tool="pan" playing inverted layout="2x2"></fovea-toolbar>`,
};

export const Portal: StoryObj = {
  render: () => html`<fovea-toolbar mode="portal" tool="pan"></fovea-toolbar>`,
};

export const Dark: StoryObj = { render: () => html`<fovea-toolbar theme="dark"></fovea-toolbar>` };

export const Light: StoryObj = { render: () => html`<fovea-toolbar theme="light"></fovea-toolbar>` };

export const Spanish: StoryObj = { render: () => html`<div lang="es"><fovea-toolbar></fovea-toolbar></div>` };

export const Chinese: StoryObj = { render: () => html`<div lang="zh"><fovea-toolbar></fovea-toolbar></div>` };
