import glslSource from './grey-thresholds.glsl?raw';
import wgslSource from './grey-thresholds.wgsl?raw';

/**
 * The threshold grey classification of the slice and MPR shaders (`thresholdLevel`, the GPU twin
 * of `classify` for threshold classifiers): WGSL has no imports, so passes prepend it to their source.
 */
export const GREY_THRESHOLDS_WGSL: string = wgslSource;

/** The GLSL twin of {@link GREY_THRESHOLDS_WGSL}, with its uniforms: inserted after the defines. */
export const GREY_THRESHOLDS_GLSL: string = glslSource;
