/**
 * The embed's 404: an unknown or private case, or a `?version=` that was never published. Says
 * which possibilities there are, since the reader sees it inside someone else's article.
 */
export default function EmbedNotFound() {
  return (
    <article className="tw-embed" aria-labelledby="tw-embed-missing">
      <h1 id="tw-embed-missing">Not found</h1>
      <p data-testid="embed-not-found">
        This embed cannot be shown: the case does not exist or is not public, or the published version it is pinned to (
        <code>version=</code>) was never published.
      </p>
    </article>
  );
}
