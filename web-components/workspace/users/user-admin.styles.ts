import { css } from 'lit';

export const userAdminStyles = css`
  :host {
    display: block;
    max-width: 56rem;
  }
  ul.users {
    display: grid;
    gap: 0.5rem;
    margin-bottom: 1.5rem;
  }
  form.user {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 2fr) minmax(8rem, 1fr) auto;
    gap: 0.5rem;
    align-items: end;
  }
  form.user .field {
    margin: 0;
  }
  form.user input,
  form.user select {
    width: 100%;
  }
  .email {
    word-break: break-all;
    padding-bottom: 0.6rem;
  }
  .new {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0 0.75rem;
    align-items: end;
  }
  .new input,
  .new select {
    width: 100%;
  }
  .account-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 0.5rem;
  }
  li.inactive {
    border-style: dashed;
  }
  .one-time code.password {
    font-size: 1.2rem;
    word-break: break-all;
    user-select: all;
  }
  @media (max-width: 40rem) {
    form.user {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
