// @ts-check
/**
 * The ultrasound of "Phantom^US": a 30-frame 640×480 RGB cine at 30 frames/s, a grey sector scan
 * (static speckle, a dark cyst, a vessel) with a colour-Doppler blob moving along the vessel
 * inside a colour box. Its primary form is JPEG baseline YBR_FULL_422, made from these native RGB
 * pixels by dcmcjpeg, as most ultrasound machines store cines.
 */
import { commonAttributes, imagePixelAttributes } from './dicom-common.mjs';
import { createRandom } from './prng.mjs';

const DEG = Math.PI / 180;
export const US_GEOMETRY = /** @type {const} */ ({
  columns: 640,
  rows: 480,
  frames: 30,
  /** cm per pixel in both directions, (0018,602C)/(0018,602E) */
  cmPerPixel: 0.02,
  apex: { x: 320, y: 30 },
  halfAngle: 36 * DEG,
  nearRadius: 30,
  farRadius: 430,
  colorBox: { minAngle: -15 * DEG, maxAngle: 15 * DEG, minRadius: 170, maxRadius: 360 },
  cyst: { x: 235, y: 235, rx: 40, ry: 30 },
  vessel: { y: 300, halfWidth: 16 },
});

/**
 * Doppler blob centre (pixels) in a frame (0-based): it moves 6 px right per frame along the vessel.
 * @param {number} frame
 */
export const dopplerBlobCenter = (frame) => ({ x: 250 + 6 * frame, y: US_GEOMETRY.vessel.y });

/**
 * @param {object} args
 * @param {import('./dicom-common.mjs').StudyInfo} args.study
 * @param {number} [args.frames]
 * @returns {import('./types.mjs').SeriesSpec}
 */
export function usSeries({ study, frames = US_GEOMETRY.frames }) {
  const g = US_GEOMETRY;
  /** @type {import('./types.mjs').PixelFormat} */
  const format = {
    rows: g.rows,
    columns: g.columns,
    samplesPerPixel: 3,
    bitsAllocated: 8,
    bitsStored: 8,
    pixelRepresentation: 0,
    photometric: 'RGB',
  };
  const description = 'Phantom abdomen colour Doppler cine';
  const frameSize = g.rows * g.columns * 3;

  const instance = () => {
    const random = createRandom('us');
    // Speckle is correlated over a resolution cell (wider than deep): Rayleigh amplitudes on a
    // coarse grid, interpolated.
    const cellX = 3;
    const cellY = 2;
    const sw = Math.ceil(g.columns / cellX) + 2;
    const sh = Math.ceil(g.rows / cellY) + 2;
    const cells = new Float32Array(sw * sh);
    for (let i = 0; i < cells.length; i++) cells[i] = Math.sqrt(-2 * Math.log(1 - random.next() * 0.9999));
    // Static B-mode image: log-compressed echogenicity × speckle inside the sector, black outside.
    const grey = new Uint8Array(g.rows * g.columns);
    /** @type {Int8Array} 1 where the colour box is */
    const inBox = new Int8Array(g.rows * g.columns);
    for (let y = 0; y < g.rows; y++) {
      for (let x = 0; x < g.columns; x++) {
        const dx = x - g.apex.x;
        const dy = y - g.apex.y;
        const r = Math.hypot(dx, dy);
        const angle = Math.atan2(dx, dy);
        if (r < g.nearRadius || r > g.farRadius || Math.abs(angle) > g.halfAngle) continue;
        const sx = x / cellX;
        const sy = y / cellY;
        const i0 = Math.floor(sx);
        const j0 = Math.floor(sy);
        const fx = sx - i0;
        const fy = sy - j0;
        const k = j0 * sw + i0;
        const speckle =
          (cells[k] ?? 0) * (1 - fx) * (1 - fy) +
          (cells[k + 1] ?? 0) * fx * (1 - fy) +
          (cells[k + sw] ?? 0) * (1 - fx) * fy +
          (cells[k + sw + 1] ?? 0) * fx * fy;
        let echo = r < 55 ? 1.6 : r < 110 ? 0.55 : 0.9; // skin, muscle, parenchyma
        if (((x - g.cyst.x) / g.cyst.rx) ** 2 + ((y - g.cyst.y) / g.cyst.ry) ** 2 < 1) echo = 0.02;
        const fromVessel = Math.abs(y - g.vessel.y);
        if (fromVessel < g.vessel.halfWidth) echo = 0.03;
        else if (fromVessel < g.vessel.halfWidth + 3) echo = 3; // bright vessel wall
        const depthGain = 1 - (0.3 * r) / g.farRadius;
        const amplitude = echo * depthGain * speckle;
        grey[y * g.columns + x] = Math.min(
          255,
          Math.round(255 * (Math.log1p(4 * amplitude) / Math.log1p(16))),
        );
        const box = g.colorBox;
        if (angle >= box.minAngle && angle <= box.maxAngle && r >= box.minRadius && r <= box.maxRadius)
          inBox[y * g.columns + x] = 1;
      }
    }
    const pixels = new Uint8Array(frameSize * frames);
    for (let f = 0; f < frames; f++) {
      const base = f * frameSize;
      const blob = dopplerBlobCenter(f);
      for (let i = 0; i < g.rows * g.columns; i++) {
        const v = grey[i] ?? 0;
        let red = v;
        let green = v;
        let blue = v;
        const x = i % g.columns;
        const y = (i - x) / g.columns;
        if (inBox[i] && Math.abs(y - g.vessel.y) < g.vessel.halfWidth) {
          const d = Math.hypot(x - blob.x, (y - blob.y) * 1.6) / 28;
          if (d < 1) {
            // Flow towards the probe (red) in front of the blob's centre, away (blue) behind it.
            const speed = Math.round(255 * (1 - d * d));
            if (x >= blob.x) [red, green, blue] = [speed, Math.round(speed * 0.25), 0];
            else [red, green, blue] = [0, Math.round(speed * 0.35), speed];
          }
        }
        pixels[base + 3 * i] = red;
        pixels[base + 3 * i + 1] = green;
        pixels[base + 3 * i + 2] = blue;
      }
      // Colour bar (red above, blue below) and 1 cm depth ticks: annotations every machine burns in.
      for (let y = 60; y < 160; y++) {
        const t = (y - 110) / 50;
        for (let x = 20; x < 30; x++) {
          const o = base + 3 * (y * g.columns + x);
          pixels[o] = t < 0 ? Math.round(-t * 255) : 0;
          pixels[o + 1] = 0;
          pixels[o + 2] = t > 0 ? Math.round(t * 255) : 0;
        }
      }
      for (let cm = 1; cm * 50 + g.apex.y < g.rows - 10; cm++) {
        const y = g.apex.y + cm * 50;
        for (let x = 600; x < (cm % 5 === 0 ? 616 : 608); x++)
          pixels.fill(220, base + 3 * (y * g.columns + x), base + 3 * (y * g.columns + x) + 3);
      }
    }
    const sectorMinX = Math.floor(g.apex.x - g.farRadius * Math.sin(g.halfAngle));
    const sectorMaxX = Math.ceil(g.apex.x + g.farRadius * Math.sin(g.halfAngle));
    const box = g.colorBox;
    const boxMinX = Math.floor(g.apex.x + box.maxRadius * Math.sin(box.minAngle));
    const boxMaxX = Math.ceil(g.apex.x + box.maxRadius * Math.sin(box.maxAngle));
    const boxMinY = Math.floor(g.apex.y + box.minRadius * Math.cos(box.maxAngle));
    const boxMaxY = g.apex.y + box.maxRadius;
    /** @param {number} minX @param {number} minY @param {number} maxX @param {number} maxY @param {number} type */
    const region = (minX, minY, maxX, maxY, type) => ({
      RegionSpatialFormat: 1,
      RegionDataType: type,
      RegionFlags: 0,
      RegionLocationMinX0: minX,
      RegionLocationMinY0: minY,
      RegionLocationMaxX1: maxX,
      RegionLocationMaxY1: maxY,
      ReferencePixelX0: g.apex.x - minX,
      ReferencePixelY0: g.apex.y - minY,
      PhysicalUnitsXDirection: 3,
      PhysicalUnitsYDirection: 3,
      ReferencePixelPhysicalValueX: 0,
      ReferencePixelPhysicalValueY: 0,
      PhysicalDeltaX: g.cmPerPixel,
      PhysicalDeltaY: g.cmPerPixel,
    });
    return {
      dataset: {
        ...commonAttributes({
          study,
          seriesKey: 'us',
          modality: 'US',
          sopClassUID: '1.2.840.10008.5.1.4.1.1.3.1',
          seriesNumber: 1,
          seriesDescription: description,
          seriesTime: '101500',
          instanceNumber: 1,
          imageType: ['ORIGINAL', 'PRIMARY', 'ABDOMINAL'],
          frameOfReference: false,
        }),
        BodyPartExamined: 'ABDOMEN',
        CineRate: 30,
        EffectiveDuration: '1',
        TransducerData: ['C5-1', '', ''],
        ProcessingFunction: 'ABDOMEN',
        FrameTime: '33.33',
        PreferredPlaybackSequencing: 0,
        StartTrim: 1,
        StopTrim: frames,
        RecommendedDisplayFrameRate: 30,
        SequenceOfUltrasoundRegions: [
          region(sectorMinX, g.apex.y, sectorMaxX, g.apex.y + g.farRadius, 1),
          region(boxMinX, boxMinY, boxMaxX, boxMaxY, 2),
        ],
        ...imagePixelAttributes(format),
        NumberOfFrames: frames,
        FrameIncrementPointer: 0x00181063, // (0018,1063) Frame Time
        BurnedInAnnotation: 'NO',
        LossyImageCompression: '00',
      },
      pixels,
      frames,
    };
  };
  return {
    key: 'us',
    studyKey: study.key,
    studyInstanceUID: study.studyInstanceUID,
    modality: 'US',
    description,
    seriesNumber: 1,
    format,
    framesPerInstance: frames,
    instanceNumbers: [1],
    variantInstanceNumbers: [1],
    instance,
    primarySyntax: 'jpeg-baseline',
    facts: {
      frames,
      frameTimeMs: 33.33,
      cmPerPixel: g.cmPerPixel,
      transducerApexPixel: { ...g.apex },
      cyst: { centerPixel: { x: g.cyst.x, y: g.cyst.y }, radiiMm: [g.cyst.rx * 0.2, g.cyst.ry * 0.2] },
      dopplerBlob: 'centre (250 + 6·frame, 300) px, frame 0-based; red half ahead of the centre, blue behind',
      nativeForm: 'the explicit-le variant holds the exact RGB pixels the JPEG primary was made from',
    },
  };
}
