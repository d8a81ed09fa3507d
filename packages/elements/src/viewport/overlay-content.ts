import { fitZoom, type VoiTransform } from '@fovea/render';
import { message } from '../i18n/messages.js';
import { cornerAnnotations, formatNumber } from '../overlays/annotations.js';
import { showsAnyArea } from '../overlays/calibrated-area.js';
import { orientationMarkers } from '../overlays/orientation-markers.js';
import { chooseScaleBar, mmPerScreenPixel } from '../overlays/scale-bar.js';
import type { ViewportOverlayContent } from '../overlays/viewport-overlays.js';
import type { FrameFacts } from './frame-facts.js';
import { cssToImage, type ViewGeometry } from './view-geometry.js';

/** The viewport's state that the overlays describe. */
export interface OverlayState {
  lang: string;
  portal: boolean;
  facts: FrameFacts | undefined;
  frameIndex: number;
  frameCount: number;
  voi: VoiTransform | undefined;
  playing: boolean;
  view: ViewGeometry;
  /** Image columns and rows; undefined before the first image. */
  imageSize: readonly [number, number] | undefined;
  /** Viewport width and height, CSS pixels. */
  cssSize: readonly [number, number];
}

/** The scale bar takes at most this share of the viewport's width (and never more than 200 px). */
const SCALE_BAR_SHARE = 0.3;
const SCALE_BAR_MAX_PX = 200;

const SCALE_LABELS = {
  patient: 'scaleBarPatient',
  detector: 'scaleBarDetector',
  'magnification-corrected': 'scaleBarEstimated',
  'ultrasound-region': 'scaleBarUltrasound',
} as const;

/** Words and marks for the overlay layer, from the viewport's state. */
export function overlayContent(state: OverlayState): ViewportOverlayContent {
  const { facts, view, imageSize, cssSize } = state;
  // CSS pixels per image pixel, as the render view draws it (see renderGeometry).
  const cssZoom =
    imageSize && cssSize[0] > 0 && cssSize[1] > 0
      ? fitZoom(imageSize, cssSize, Math.round(view.rotation / 90) * 90) * view.scale
      : undefined;
  const window = state.voi?.kind === 'window' ? state.voi : undefined;
  const corners = cornerAnnotations(
    {
      ...facts?.annotation,
      frameIndex: state.frameIndex,
      frameCount: state.frameCount,
      window: window && { center: window.center, width: window.width },
      windowUnits: facts?.values,
      zoomPercent: cssZoom === undefined ? undefined : cssZoom * 100,
      playing: state.playing,
    },
    state.lang,
    { portal: state.portal },
  );
  const markers = facts?.axes && orientationMarkers(facts.axes, view);
  const calibration = facts?.calibration;
  // A calibration that holds in part of the image only (an ultrasound's 2D regions) gets a bar only
  // while some of that part is on screen.
  const visible = imageSize && visibleImageCorners(view, imageSize, cssSize);
  const holdsOnScreen =
    !calibration?.validIn || (visible !== undefined && showsAnyArea(visible, calibration.validIn));
  const bar =
    calibration && cssZoom && holdsOnScreen
      ? chooseScaleBar(
          mmPerScreenPixel(calibration.spacing, cssZoom, view),
          Math.min(SCALE_BAR_MAX_PX, cssSize[0] * SCALE_BAR_SHARE),
        )
      : undefined;
  return {
    corners,
    markers,
    markersLabel: markers ? message(state.lang, 'orientationMarkers', { ...markers }) : '',
    scaleBar:
      bar && calibration
        ? {
            bar,
            label: message(state.lang, SCALE_LABELS[calibration.source], { length: formatNumber(bar.mm, 3) }),
            // Sizes in the patient: Pixel Spacing, or an ultrasound machine's own calibration of
            // its 2D tissue region; not those measured at an X-ray detector.
            calibrated: calibration.source === 'patient' || calibration.source === 'ultrasound-region',
            source: calibration.source,
          }
        : undefined,
  };
}

/** The viewport's corners (clockwise from top left) in image pixel coordinates. */
function visibleImageCorners(
  view: ViewGeometry,
  imageSize: readonly [number, number],
  cssSize: readonly [number, number],
): [[number, number], [number, number], [number, number], [number, number]] | undefined {
  const map = cssToImage(view, imageSize, cssSize);
  if (!map) return undefined;
  const at = (x: number, y: number): [number, number] => [
    map.xx * x + map.xy * y + map.x0,
    map.yx * x + map.yy * y + map.y0,
  ];
  const [width, height] = cssSize;
  return [at(0, 0), at(width, 0), at(width, height), at(0, height)];
}
