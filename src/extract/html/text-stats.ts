// Per-element text statistics computed once per tree and memoised: the scoring steps ask for them
// many times, and recomputing text content per question would make extraction quadratic.
import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from './dom.ts';

export interface TextStats {
  /** Characters of text, whitespace runs counted as one. */
  chars: number;
  /** Characters inside <a> elements. */
  linkChars: number;
  commas: number;
}

export class TextStatsCache {
  private readonly stats = new Map<Element, TextStats>();

  of(el: Element): TextStats {
    let s = this.stats.get(el);
    if (!s) {
      s = { chars: 0, linkChars: 0, commas: 0 };
      for (const child of el.children) this.add(s, child);
      if (el.name === 'a') s.linkChars = s.chars;
      this.stats.set(el, s);
    }
    return s;
  }

  linkDensity(el: Element): number {
    const s = this.of(el);
    return s.chars ? s.linkChars / s.chars : 0;
  }

  /** Forget an element and its ancestors after the tree under them changed. */
  invalidate(el: Element): void {
    for (let p: AnyNode | null = el; p && isTag(p); p = p.parent) this.stats.delete(p);
  }

  private add(into: TextStats, node: AnyNode): void {
    if (isText(node)) {
      const t = node.data;
      into.chars += collapsedLength(t);
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) into.commas++;
      }
    } else if (isTag(node)) {
      const s = this.of(node);
      into.chars += s.chars;
      into.linkChars += s.linkChars;
      into.commas += s.commas;
    }
  }
}

function collapsedLength(text: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;
    if (isSpace) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}
