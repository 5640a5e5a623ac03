import { css } from 'lit';

export const shellStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--ws-bg);
    color: var(--ws-text);
  }
  .skip {
    position: absolute;
    left: 0.5rem;
    top: -4rem;
    background: var(--ws-bg);
    padding: 0.5rem 1rem;
    z-index: 2;
  }
  .skip:focus {
    top: 0.5rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 1rem;
    border-bottom: 1px solid var(--ws-border);
    background: var(--ws-surface);
  }
  .brand {
    font-weight: 700;
    margin-right: auto;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav a {
    display: inline-block;
    padding: 0.6rem 0.75rem;
    border-radius: 0.5rem;
    color: var(--ws-text);
    text-decoration: none;
  }
  nav a[aria-current='page'] {
    text-decoration: underline;
    text-decoration-thickness: 3px;
    text-underline-offset: 0.35rem;
    font-weight: 700;
  }
  .account {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .who {
    color: var(--ws-muted);
  }
  main {
    max-width: 72rem;
    margin: 0 auto;
    padding: 1rem;
  }
  main:focus {
    outline: none;
  }
  .live {
    font-size: 0.85rem;
    color: var(--ws-muted);
  }
  dialog {
    border: none;
    border-radius: 0.75rem;
    padding: 1.5rem;
    width: min(28rem, calc(100vw - 2rem));
    background: var(--ws-bg);
    color: var(--ws-text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  .signed-out {
    padding: 2rem 1rem;
  }
  /* Sign-out under the forced password form, in the form's column. */
  .signed-out > p {
    max-width: 24rem;
    margin: 1rem auto 0;
  }
  @media (max-width: 40rem) {
    header {
      padding: 0.5rem;
    }
    main {
      padding: 0.75rem 0.5rem;
    }
  }
`;
