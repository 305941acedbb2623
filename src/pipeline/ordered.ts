// Runs up to `window` jobs at once and hands their results on in input order, so JSON-lines output
// lines up with the input while every core is busy.
export async function inOrder<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  window: number,
  work: (item: T, index: number) => Promise<R>,
  emit: (result: PromiseSettledResult<R>, item: T, index: number) => void | Promise<void>,
): Promise<void> {
  const running: { item: T; index: number; result: Promise<PromiseSettledResult<R>> }[] = [];
  const settle = (promise: Promise<R>): Promise<PromiseSettledResult<R>> =>
    promise.then(
      (value) => ({ status: 'fulfilled', value }),
      (reason: unknown) => ({ status: 'rejected', reason }),
    );
  const flushOne = async () => {
    const head = running.shift()!;
    await emit(await head.result, head.item, head.index);
  };
  let next = 0;
  for await (const item of items) {
    const index = next++;
    running.push({ item, index, result: settle(Promise.resolve().then(() => work(item, index))) });
    if (running.length >= window) await flushOne();
  }
  while (running.length) await flushOne();
}
