// Data the build step compiles from the committed sources into dist/data/, so that a process loads it
// without parsing and indexing it (each loader checks the compiled file matches its source, and reads
// the source when it does not).
import { writeCompiledModel } from './entities/tagger/model-file.ts';

export function writeCompiledData(): void {
  writeCompiledModel();
}
