// Adds a golden page for the extractor: copies the source into test/fixtures/extract/<slug>/ and
// writes expected.json from the current output. READ expected.json and correct it by hand: the
// golden file is the specification, not a snapshot of whatever the code does today.
// Usage: node --import tsx scripts/add-extract-golden.ts <slug> <source.html|source.txt> [--url URL] [--content-type TYPE]
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { FIXTURES, type GoldenExpectation, runExtraction } from '../test/extract/golden.ts';

function main(argv: string[]): number {
  const [slug, source] = argv;
  if (!slug || !source || !/^[a-z0-9-]+$/.test(slug)) {
    console.error(
      'usage: add-extract-golden.ts <slug: a-z0-9-> <source file> [--url URL] [--content-type TYPE]',
    );
    return 2;
  }
  const option = (name: string): string | null => {
    const i = argv.indexOf(name);
    return i >= 0 ? (argv[i + 1] ?? null) : null;
  };
  const isText = extname(source) === '.txt';
  const dir = join(FIXTURES, slug);
  if (existsSync(dir)) {
    console.error(`${dir} already exists; remove it first to regenerate`);
    return 2;
  }
  mkdirSync(dir, { recursive: true });
  const target = join(dir, isText ? 'source.txt' : 'source.html');
  copyFileSync(source, target);
  const input = {
    url: option('--url'),
    contentType: option('--content-type') ?? (isText ? 'text/plain' : 'text/html'),
  };
  const outcome = runExtraction(target, input);
  const expected: GoldenExpectation =
    'article' in outcome
      ? { input, article: outcome.article }
      : { input, error: { code: outcome.error.code } };
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  console.log(JSON.stringify(expected, null, 2));
  console.log(`\nwrote ${dir}/expected.json: review it by hand before committing.`);
  return 0;
}

process.exit(main(process.argv.slice(2)));
