export function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <a href="/">Back to the articles</a>.
      </p>
    </section>
  );
}
