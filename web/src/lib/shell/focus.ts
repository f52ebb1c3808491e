/**
 * A Svelte action for a message (or the first field of an editor just opened): when it appears it
 * takes the focus and comes into view, so the person (and a screen reader) meets it where it was
 * caused, not thousands of pixels away.
 */
export function takeFocus(node: HTMLElement): void {
  // A field or button is focusable as it is; a message becomes focusable without joining the Tab order.
  if (node.tabIndex < 0 && !node.hasAttribute('tabindex')) node.setAttribute('tabindex', '-1');
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: 'center' });
}
