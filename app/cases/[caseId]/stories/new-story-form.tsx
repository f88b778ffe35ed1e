'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { newStoryBody } from '@/lib/stories/draft';
import { slugify } from '@/lib/stories/story.schema';
import { csrfHeaders } from '../../../_lib/csrf';
import styles from './stories.module.css';

/** "New story": a title (and an id, made from it unless given); creates the story with one first step, then opens the editor. */
export function NewStoryForm({ caseId }: { caseId: string }) {
  const router = useRouter();
  const uid = useId();
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (!title.trim()) return setError('Give the story a title.');
    setBusy(true);
    try {
      const res = await fetch(`/api/cases/${encodeURIComponent(caseId)}/stories`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await csrfHeaders()) },
        body: JSON.stringify(newStoryBody(title, id.trim() || undefined)),
      });
      const answer = (await res.json()) as { id?: string; message?: string };
      if (!res.ok || !answer.id) throw new Error(answer.message ?? `the server answered ${res.status}`);
      router.push(`/cases/${encodeURIComponent(caseId)}/stories/${encodeURIComponent(answer.id)}/edit`);
    } catch (err) {
      setError(`The story was not created: ${err instanceof Error ? err.message : String(err)}`);
      setBusy(false);
    }
  }

  return (
    <form className={styles.newForm} onSubmit={create} aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>New story</h2>
      <div className={styles.field}>
        <label htmlFor={`${uid}-title`}>Title</label>
        <input id={`${uid}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} required />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${uid}-id`}>Id in the address (optional)</label>
        <input
          id={`${uid}-id`}
          value={id}
          maxLength={80}
          placeholder={slugify(title) || 'made from the title'}
          aria-describedby={`${uid}-id-hint`}
          onChange={(e) => setId(e.target.value)}
        />
        <p id={`${uid}-id-hint`} className={styles.hint}>
          Lowercase letters, digits and hyphens.
        </p>
      </div>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <p>
        <button type="submit" className="tw-button" disabled={busy}>
          {busy ? 'Creating…' : 'Create and edit'}
        </button>
      </p>
    </form>
  );
}
