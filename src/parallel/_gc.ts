// A full garbage collection on demand, for the main thread of a long run (workers have capped heaps
// instead). Without it V8 lets the main thread's heap grow with the run before collecting (to about
// twice what it holds), so that peak memory would grow with the number of articles; collecting every
// few hundred articles keeps it flat. `gc` is only exposed by a flag, which may be set once the VM
// runs: it is set here on first use, and if that ever fails the run goes on without it.
import v8 from 'node:v8';
import vm from 'node:vm';

let _gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (_gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      _gc = vm.runInNewContext('gc') as () => void;
    } catch {
      _gc = null;
    }
  }
  _gc?.();
}

/** Calls `collectGarbage` every `every` calls: one per article handled. */
export function gcEvery(every: number): () => void {
  let n = 0;
  return () => {
    if (++n % every === 0) collectGarbage();
  };
}
