// Reads the event stage's data files (data/events, data/ontology) once.
import { loadData } from '../text/data.ts';

export function loadJson<T>(relative: string): T {
  return loadData<T>(relative, 'event');
}
