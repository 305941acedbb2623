// Stories group copies of one story; they need the trace stage's origins, which this server does not
// store yet. The page says so instead of showing made-up groups.
export function StoriesPage() {
  return (
    <section>
      <h1>Stories</h1>
      <p>
        Stories group the copies of one report (origin, rewrites, reposts) and count independent sources. They
        need the trace stage, which has not stored any origins on this server yet.
      </p>
      <p>
        Until then, every article counts as its own origin in the <a href="/relations">relations</a> chart.
      </p>
    </section>
  );
}
