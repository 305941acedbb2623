// Atom 1.0 and 0.3 to the feed model.
import { child, type XmlElement } from './xml-tree.ts';
import {
  alternateLink,
  collectElements,
  ENTRY_NAMES,
  contentHtml,
  firstDate,
  firstText,
  personName,
  selfLink,
  titleText,
  ttlMinutes,
} from './common.ts';
import type { Feed, FeedItem } from './model.ts';

const ENTRY_DATES = ['published', 'issued', 'created', 'dc:date', 'pubdate', 'updated', 'modified'];

/** An id that is a web address doubles as the link when the entry has none (as RSS permalinks do). */
function idAsLink(id: string | null): string | null {
  return id && /^https?:\/\//i.test(id) ? id.replace(/^https?/i, (scheme) => scheme.toLowerCase()) : null;
}

function atomEntry(entry: XmlElement, feedAuthor: string | null): FeedItem {
  const id = firstText(entry, ['id', 'guid']);
  return {
    id,
    title: titleText(child(entry, 'title'), true) ?? titleText(child(entry, 'dc:title')),
    link: alternateLink(entry) ?? idAsLink(id),
    published: firstDate(entry, ENTRY_DATES),
    author: personName(child(entry, 'author')) ?? firstText(entry, ['dc:creator']) ?? feedAuthor,
    summary: contentHtml(child(entry, 'summary')),
    content: contentHtml(child(entry, 'content')),
  };
}

export function atomToFeed(root: XmlElement): Feed {
  const feedAuthor = personName(child(root, 'author'));
  return {
    format: 'atom',
    title: titleText(child(root, 'title'), true),
    link: alternateLink(root),
    self: selfLink(root),
    ttlMinutes: ttlMinutes(root),
    items: collectElements(root, ENTRY_NAMES).map((entry) => atomEntry(entry, feedAuthor)),
  };
}
