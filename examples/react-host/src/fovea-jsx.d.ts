import type { FoveaStudyList, FoveaViewer, FoveaViewport } from '@fovea/elements';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

/**
 * The Fovea tags in TSX. React 19 sets a custom element's known properties as properties and the
 * rest as attributes; events are listened to with addEventListener (see use-fovea-event.ts).
 */
type FoveaElementProps<T> = DetailedHTMLProps<HTMLAttributes<T>, T> & {
  'dicomweb-root'?: string;
  'study-uid'?: string;
  'series-uid'?: string;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fovea-study-list': FoveaElementProps<FoveaStudyList>;
      'fovea-viewport': FoveaElementProps<FoveaViewport>;
      'fovea-viewer': FoveaElementProps<FoveaViewer> & { layout?: string; mode?: string; theme?: string };
    }
  }
}
