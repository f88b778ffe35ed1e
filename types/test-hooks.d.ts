import type cytoscape from 'cytoscape';

declare global {
  interface Window {
    /**
     * Test hook: the case page's cytoscape instance, so e2e tests can read node classes
     * (`highlighted`, `dimmed`) that live on a canvas and not in the DOM. Set by
     * app/_components/network/network-canvas.tsx while it is mounted; nothing reads it in the app.
     */
    __twCy?: cytoscape.Core;
  }
}

export {};
