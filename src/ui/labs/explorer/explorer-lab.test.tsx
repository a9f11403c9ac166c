// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../../api/create-api.ts';
import {
  buttonByText,
  click,
  fetchInto,
  render,
  typeInto,
  waitFor,
  type Rendered,
} from '../../shared/test-dom.tsx';
import { connectEngine } from '../../bridge/connect-engine.ts';
import ExplorerLab from './explorer-lab.tsx';
import { useExplorerStore } from './explorer-store.ts';

let api: Api;
let view: Rendered;
let disconnect: () => void;
/** Every request the core answered, as "METHOD /path?query". */
let requests: string[];
const realFetch = globalThis.fetch;

beforeEach(async () => {
  api = createApi({ clock: { startEpochMs: 1767312000000, paused: true } });
  globalThis.fetch = fetchInto(api);
  // As in the app: the bridge turns the core's data changes into refetches.
  disconnect = connectEngine(api.events);
  requests = [];
  api.events.subscribe((event) => {
    if (event.type === 'journal') requests.push(`${event.entry.method} ${event.entry.url}`);
  });
  useExplorerStore.setState({
    collection: 'users',
    pageSize: 10,
    offsets: { users: 0, products: 0, orders: 0 },
  });
  view = await render(<ExplorerLab />);
  await waitFor(() => expect(view.container.textContent).toContain('rows 1–10 of 50'));
});

afterEach(async () => {
  await view.unmount();
  disconnect();
  globalThis.fetch = realFetch;
});

const field = (name: string) =>
  view.container.querySelector<HTMLInputElement>(`#explorer-users-${name}`);

/** The text of the error element a field's aria-describedby points at. */
function describedError(input: HTMLElement | null): string {
  const ids = input?.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids
    .map((id) => view.container.querySelector(`[id="${id}"]`))
    .find((element) => element?.classList.contains('field-error'));
  return error?.textContent ?? '';
}

describe('explorer form', () => {
  it('puts a 422 on the email field, linked by aria-describedby', async () => {
    await typeInto(field('name'), 'Ada Lovelace');
    await typeInto(field('email'), 'not-an-email');
    await click(buttonByText(view.container, 'Create user'));

    await waitFor(() => expect(field('email')?.getAttribute('aria-invalid')).toBe('true'));
    expect(describedError(field('email'))).toBe(
      'Email must be an email address such as ada@example.com',
    );
    expect(field('name')?.hasAttribute('aria-invalid')).toBe(false);
    expect(view.container.textContent).toContain('422');
  });

  it('shows a 409 inline on the email field with the conflicting id', async () => {
    const taken = (await (
      await api.fetch(new Request('http://localhost/api/v1/users?limit=1'))
    ).json()) as {
      data: { id: string; email: string }[];
    };
    const holder = taken.data[0];
    if (!holder) throw new Error('the seed has no users');

    await typeInto(field('name'), 'Copy Cat');
    // Uniqueness ignores case, so the capitals still collide.
    await typeInto(field('email'), holder.email.toUpperCase());
    await click(buttonByText(view.container, 'Create user'));

    await waitFor(() => expect(field('email')?.getAttribute('aria-invalid')).toBe('true'));
    const message = describedError(field('email'));
    expect(message).toContain('409 Conflict');
    expect(message).toContain(holder.id);
    expect(view.container.textContent).toContain('rows 1–10 of 50');
  });

  it('creates a user and shows 201 with its Location', async () => {
    await typeInto(field('name'), '<img src=x onerror=alert(1)>');
    await typeInto(field('email'), 'inert@example.com');
    await click(buttonByText(view.container, 'Create user'));

    await waitFor(() => expect(view.container.textContent).toContain('201 Created'));
    await waitFor(() => expect(view.container.textContent).toContain('rows 1–10 of 51'));
    // One write, one refetch of the page (the data change is the only trigger).
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = requests.slice(requests.indexOf('POST /api/v1/users') + 1);
    expect(after.filter((request) => request.startsWith('GET /api/v1/users?'))).toHaveLength(1);
    // The name is shown as text, never parsed as HTML.
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('after a PATCH, shows the request that was sent, not an empty patch', async () => {
    const edit = [...view.container.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Edit'),
    );
    await click(edit);
    await typeInto(field('name'), 'Renamed Once');
    await click(buttonByText(view.container, 'Send PATCH'));

    await waitFor(() => expect(view.container.textContent).toContain('200 OK: saved'));
    const preview = view.container.querySelector('.explorer-preview');
    expect(preview?.querySelector('figcaption')?.textContent).toBe('The request sent');
    expect(preview?.textContent).toContain('"name": "Renamed Once"');
    expect(preview?.textContent).not.toContain('{}');
    expect(view.container.textContent).not.toContain('Nothing changed yet');

    // Typing again is a new request: the preview shows what it will send.
    await typeInto(field('name'), 'Renamed Twice');
    expect(preview?.querySelector('figcaption')?.textContent).toBe('The request this sends');
  });
});

describe('explorer orders', () => {
  const orderField = (name: string) =>
    view.container.querySelector<HTMLInputElement>(`#explorer-orders-${name}`);

  async function openOrders() {
    const tab = view.container.querySelector<HTMLInputElement>('input[value="orders"]');
    await click(tab);
    await waitFor(() => expect(view.container.textContent).toContain('of 40'));
  }

  it('places an order, and shows 409 insufficient stock on the quantity field', async () => {
    const { store } = api.env;
    const user = [...store.collection('users').all()][0];
    const product = [...store.collection('products').all()].find(
      (row) => Number(row.stock) < 99 && Number(row.stock) > 0,
    );
    if (!user || !product) throw new Error('the seed has no such product');
    await openOrders();
    await typeInto(orderField('user_id'), user.id);
    await typeInto(orderField('product_id'), product.id);
    await typeInto(orderField('quantity'), String(Number(product.stock) + 1));
    await click(buttonByText(view.container, 'Create order'));
    await waitFor(() => expect(orderField('quantity')?.getAttribute('aria-invalid')).toBe('true'));
    expect(describedError(orderField('quantity'))).toContain('409 insufficient stock');
    expect(describedError(orderField('quantity'))).toContain(`${String(product.stock)} available`);

    await typeInto(orderField('quantity'), '1');
    await click(buttonByText(view.container, 'Create order'));
    await waitFor(() => expect(view.container.textContent).toContain('201 Created'));
    expect(store.collection('products').get(product.id)?.stock).toBe(Number(product.stock) - 1);
  });

  it('cancels an order: PATCH {"status": "cancelled"}, the stock comes back', async () => {
    await openOrders();
    const cancel = [...view.container.querySelectorAll<HTMLButtonElement>('button')].find(
      (button) => button.textContent?.startsWith('Cancel order') && !button.disabled,
    );
    await click(cancel);
    await waitFor(() => expect(view.container.textContent).toContain('went back to the product'));
    expect(requests.some((request) => request.startsWith('PATCH /api/v1/orders/'))).toBe(true);
  });
});
