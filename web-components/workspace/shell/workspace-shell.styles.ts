import { css } from 'lit';

export const shellStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--t-bg);
    color: var(--t-ink);
  }
  .skip {
    position: absolute;
    left: 0.5rem;
    top: -4rem;
    background: var(--t-bg);
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
    padding: var(--t-space-2) var(--t-space-5);
    border-bottom: 1px solid var(--t-rule);
    background: var(--t-bg);
  }
  .brand {
    font-family: var(--t-font-serif);
    font-size: var(--t-size-lg);
    font-weight: 600;
    letter-spacing: 0.04em;
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
    border-radius: var(--t-radius-md);
    color: var(--t-ink);
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
    color: var(--t-muted);
  }
  main {
    max-width: 72rem;
    margin: 0 auto;
    padding: var(--t-space-5) var(--t-space-5) var(--t-space-7);
  }
  main:focus {
    outline: none;
  }
  .live {
    font-size: var(--t-size-xs);
    color: var(--t-muted);
  }
  dialog {
    border: 1px solid var(--t-rule);
    border-radius: var(--t-radius-lg);
    padding: var(--t-space-5);
    width: min(28rem, calc(100vw - 2rem));
    background: var(--t-bg);
    color: var(--t-ink);
  }
  dialog::backdrop {
    background: rgb(28 26 23 / 0.55);
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
      padding: var(--t-space-2);
      gap: var(--t-space-1) var(--t-space-2);
    }
    .brand {
      flex-basis: 100%;
    }
    nav a {
      padding: 0.6rem 0.5rem;
    }
    .account {
      font-size: var(--t-size-sm);
      gap: var(--t-space-1) var(--t-space-2);
    }
    main {
      padding: var(--t-space-3) var(--t-space-2) var(--t-space-6);
    }
  }
`;
