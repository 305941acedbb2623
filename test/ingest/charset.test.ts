// Feeds that declare no encoding and are not UTF-8: the guess must read each language back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { parseFeed } from '../../src/ingest/index.ts';

const SAMPLES: [string, string, string][] = [
  [
    'Japanese in Shift_JIS',
    'shift_jis',
    'きょうは雨が降っていますが、明日は晴れるでしょう。ニュースをお伝えします。',
  ],
  [
    'Japanese in EUC-JP',
    'euc-jp',
    'きょうは雨が降っていますが、明日は晴れるでしょう。ニュースをお伝えします。',
  ],
  [
    'Korean in EUC-KR',
    'euc-kr',
    '오늘 서울에서는 비가 내리고 있습니다. 내일은 맑겠습니다. 뉴스를 전해 드립니다.',
  ],
  [
    'Simplified Chinese in GB2312',
    'gb2312',
    '今天北京下雨，明天天气会好起来。这是我们的新闻报道，请大家注意安全。',
  ],
  [
    'Traditional Chinese in Big5',
    'big5',
    '今天台北下雨，明天天氣會好起來。這是我們的新聞報導，請大家注意安全。',
  ],
  ['Russian in KOI8-R', 'koi8-r', 'Сегодня в Москве идёт дождь, а завтра будет солнечно и тепло.'],
  [
    'Russian in windows-1251',
    'windows-1251',
    'Сегодня в Москве идёт дождь, а завтра будет солнечно и тепло.',
  ],
  ['Hebrew in windows-1255', 'windows-1255', 'היום יורד גשם בירושלים, ומחר יהיה שמשי וחם יותר.'],
  ['Thai in TIS-620', 'windows-874', 'วันนี้ฝนตกที่กรุงเทพ พรุ่งนี้อากาศจะดีขึ้นมาก'],
  ['French in windows-1252', 'windows-1252', 'Le café est très bon à Genève, dit-elle « vraiment ».'],
];

for (const [name, encoding, title] of SAMPLES) {
  test(`no declaration, not UTF-8: ${name}`, () => {
    const body = iconv.encode(
      `<rss version="2.0"><channel><item><title>${title}</title></item></channel></rss>`,
      encoding,
    );
    assert.equal(parseFeed({ body, name }).items[0]?.title, title);
  });
}

test('a declared encoding is trusted, not guessed', () => {
  const body = iconv.encode(
    '<?xml version="1.0" encoding="koi8-r"?><rss><channel><title>Новости дня</title></channel></rss>',
    'koi8-r',
  );
  assert.equal(parseFeed({ body, name: 'koi8' }).title, 'Новости дня');
});
