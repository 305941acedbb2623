// What each library's adapter offers the render bench: draw once, redraw for another window.
export type Kind = 'series' | 'graph';

export interface Drawing<D> {
  update(data: D): void;
  destroy(): void;
}

export interface Drawer<D> {
  kind: Kind;
  draw(container: HTMLElement, data: D): Drawing<D>;
}
