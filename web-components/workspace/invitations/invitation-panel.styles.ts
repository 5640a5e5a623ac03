import { css } from 'lit';

export const invitationPanelStyles = css`
  :host {
    display: block;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: left;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--t-border);
    vertical-align: middle;
  }
  th {
    font-size: var(--t-size-sm);
    color: var(--t-muted);
  }
  td.email {
    word-break: break-all;
  }
  /* On a phone each candidate becomes a small card: headers are read from data-label. */
  @media (max-width: 40rem) {
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tr {
      display: block;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--t-border);
    }
    td {
      display: block;
      border: none;
      padding: 0.15rem 0;
    }
  }
`;
