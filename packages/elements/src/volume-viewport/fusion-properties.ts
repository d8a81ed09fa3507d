import { FoveaErrorEvent } from '../events/error-event.js';
import { checkFusion, type FusionWindow } from './fusion-layer.js';

/** The fusion attributes an element may take, with their defaults. */
const FUSION_DEFAULTS = {
  fusionOpacity: 0.5,
  fusionColormap: 'hot-iron',
  fusionWindowCenter: undefined,
  fusionWindowWidth: undefined,
} as const;

type FusionProperty = keyof typeof FUSION_DEFAULTS;

/** An element with some of the fusion properties (`<fovea-volume-layout>` has only the window). */
export type FusionProperties = Partial<Record<FusionProperty, unknown>>;

/**
 * Keeps an element's fusion properties valid after an update changed some of them: when the
 * settings are wrong (see `checkFusion`), the changed ones get their previous values back and the
 * `fovea-error` event to fire (`INVALID_FUSION`, naming the value) is returned.
 */
export function keepFusionValid(
  element: FusionProperties,
  changed: ReadonlyMap<PropertyKey, unknown>,
): FoveaErrorEvent | undefined {
  const keys = (Object.keys(FUSION_DEFAULTS) as FusionProperty[]).filter(
    (key) => key in element && changed.has(key),
  );
  if (keys.length === 0) return undefined;
  try {
    fusionWindowOf(element);
    return undefined;
  } catch (error) {
    for (const key of keys) element[key] = changed.get(key) ?? FUSION_DEFAULTS[key];
    return new FoveaErrorEvent(error);
  }
}

/** The fusion window an element's properties set; undefined for the default. Throws `INVALID_FUSION`. */
export function fusionWindowOf(element: FusionProperties): FusionWindow | undefined {
  return checkFusion({
    opacity: 'fusionOpacity' in element ? element.fusionOpacity : FUSION_DEFAULTS.fusionOpacity,
    colormap: 'fusionColormap' in element ? element.fusionColormap : FUSION_DEFAULTS.fusionColormap,
    windowCenter: element.fusionWindowCenter,
    windowWidth: element.fusionWindowWidth,
  });
}
