'use client';

import { useEffect } from 'react';

/**
 * Brings the passage named in the URL (`#cit_…`) into view and flashes it, on load and on every
 * hash change: all of its runs (a passage split by an overlapping one flashes whole), focus on the
 * first so keyboard and screen-reader users land there too. Under prefers-reduced-motion it jumps
 * instead of scrolling smoothly, and the CSS shows a steady outline instead of the flash.
 */
export function PassageFocus() {
  useEffect(() => {
    const focusHash = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!/^cit_[0-9a-f]{16}$/.test(id)) return;
      const target = document.getElementById(id);
      if (!target) return;
      const runs = Array.from(document.querySelectorAll<HTMLElement>('mark[data-citations]')).filter((m) =>
        (m.dataset.citations ?? '').split(' ').includes(id),
      );
      document.querySelectorAll('.tw-flash').forEach((el) => el.classList.remove('tw-flash'));
      const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      target.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
      target.focus({ preventScroll: true });
      // Re-adding the class restarts the animation when the same passage is opened twice.
      void target.offsetWidth;
      for (const m of runs) m.classList.add('tw-flash');
      // The class stays until another passage is opened: the animation plays its three beats once,
      // and under reduced motion the steady outline keeps saying "this is the passage you came for".
      document.querySelectorAll('[data-focused]').forEach((el) => el.removeAttribute('data-focused'));
      for (const m of runs) m.setAttribute('data-focused', 'true');
    };
    focusHash();
    window.addEventListener('hashchange', focusHash);
    return () => window.removeEventListener('hashchange', focusHash);
  }, []);
  return null;
}
