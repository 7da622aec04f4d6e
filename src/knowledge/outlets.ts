// Which outlet a source's name counts under: "BBC Sport" and "Five Live" are the BBC, "Sky Sports
// News" is Sky Sports (the outlets table's `group`). A journalist, or a name the table does not
// hold, is itself.
import { loadData } from './_load.js';

interface _Table {
  outlets: Array<{ name: string; group?: string }>;
}

let _groups: Map<string, string> | null = null;
let _outlets: Set<string> | null = null;

export function outletGroup(name: string): string {
  _groups ??= new Map(loadData<_Table>('outlets.json').outlets.flatMap((o) => (o.group ? [[o.name, o.group] as const] : [])));
  return _groups.get(name) ?? name;
}

/** Is the name an outlet's (or an outlet group's), not a journalist's? */
export function isOutlet(name: string): boolean {
  _outlets ??= new Set(loadData<_Table>('outlets.json').outlets.flatMap((o) => [o.name, ...(o.group ? [o.group] : [])]));
  return _outlets.has(name);
}
