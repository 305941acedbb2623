// Data the build step compiles from the committed sources into dist/data/, so that a process loads it
// without parsing and indexing it (each loader checks the compiled file matches its source, and reads
// the source when it does not).
import { writeCompiledModel } from './entities/tagger/model-file.ts';
import { createKnowledgeBase } from './actors/kb/knowledge-base.ts';
import { writeCompiledLayer } from './actors/kb/compiled-layer.ts';
import { writeCompiledActors } from './actors/kb/compiled-actors.ts';
import { validatedBuiltinActors } from './actors/kb/builtin.ts';
import { writeCompiledLexicon } from './events/compiled-lexicon.ts';
import { buildEventLexicon } from './events/lexicon.ts';

export function writeCompiledData(): void {
  writeCompiledModel();
  writeCompiledActors(validatedBuiltinActors());
  if (!writeCompiledLexicon(buildEventLexicon().patterns))
    console.warn('build: the event lexicon would not read back as compiled; it is compiled at run time');
  // The dictionary layer as the built-in knowledge base builds it (not read from an older file).
  const kb = createKnowledgeBase();
  kb.builtinOnly = false;
  if (!writeCompiledLayer(kb.dictionaries))
    console.warn('build: the dictionary layer would not read back as built; it is built at run time');
}
