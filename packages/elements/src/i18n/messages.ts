/**
 * The message catalogue: every user-visible string of the elements. English is the reference;
 * a missing translation falls back to English rather than showing a key.
 */
const en = {
  studyListLabel: 'Studies',
  studyListLoading: 'Loading studies…',
  studyListEmpty: 'No studies found.',
  studyListError: 'The studies could not be loaded.',
  studyListRetry: 'Retry',
  columnPatient: 'Patient',
  columnPatientId: 'Patient ID',
  columnDate: 'Date',
  columnDescription: 'Description',
  columnModalities: 'Modalities',
  columnSeries: 'Series',
  columnInstances: 'Images',
  openStudy: 'Open study of {patient}, {date}',
  viewportLabel:
    'Image viewport: scroll or use the arrow keys to change the image, drag to change the window',
  viewportLoading: 'Loading images…',
  viewportError: 'The images could not be shown.',
  frameOf: 'Image {index} of {count}',
  windowLevel: 'W {width} L {center}',
  playing: 'Playing',
} as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof en;

const catalogues: Record<string, Partial<Record<MessageKey, string>>> = {
  en,
  es: {
    studyListLabel: 'Estudios',
    studyListLoading: 'Cargando estudios…',
    studyListEmpty: 'No se encontraron estudios.',
    studyListError: 'No se pudieron cargar los estudios.',
    studyListRetry: 'Reintentar',
    columnPatient: 'Paciente',
    columnPatientId: 'ID del paciente',
    columnDate: 'Fecha',
    columnDescription: 'Descripción',
    columnModalities: 'Modalidades',
    columnSeries: 'Series',
    columnInstances: 'Imágenes',
    openStudy: 'Abrir el estudio de {patient}, {date}',
    viewportLabel:
      'Visor de imágenes: desplace o use las flechas para cambiar de imagen, arrastre para cambiar la ventana',
    viewportLoading: 'Cargando imágenes…',
    viewportError: 'No se pudieron mostrar las imágenes.',
    frameOf: 'Imagen {index} de {count}',
    windowLevel: 'An {width} Ni {center}',
    playing: 'Reproduciendo',
  },
  zh: {
    studyListLabel: '检查',
    studyListLoading: '正在加载检查…',
    studyListEmpty: '未找到检查。',
    studyListError: '无法加载检查。',
    studyListRetry: '重试',
    columnPatient: '患者',
    columnPatientId: '患者 ID',
    columnDate: '日期',
    columnDescription: '描述',
    columnModalities: '模态',
    columnSeries: '序列',
    columnInstances: '图像',
    openStudy: '打开 {patient} 的检查，{date}',
    viewportLabel: '图像视口：滚动或使用方向键切换图像，拖动以调整窗宽窗位',
    viewportLoading: '正在加载图像…',
    viewportError: '无法显示图像。',
    frameOf: '第 {index} 幅，共 {count} 幅',
    windowLevel: '窗宽 {width} 窗位 {center}',
    playing: '正在播放',
  },
};

/**
 * The message for `key` in language `lang` (a BCP 47 tag such as `es-MX`: its primary subtag picks
 * the catalogue), with `{name}` placeholders replaced from `values`.
 */
export function message(lang: string, key: MessageKey, values: Record<string, string> = {}): string {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en';
  const template = catalogues[primary]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
