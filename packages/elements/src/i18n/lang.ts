/** The language an element speaks: its own or nearest ancestor's `lang`, else the document's, else English. */
export function resolveLang(element: Element): string {
  return (
    element.closest('[lang]')?.getAttribute('lang') || element.ownerDocument.documentElement.lang || 'en'
  );
}
