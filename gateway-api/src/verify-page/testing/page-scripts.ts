import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createContext, Script } from 'node:vm';

// The citizen page's plain scripts run in Node, without a browser: each asset is evaluated in one
// vm context whose `self` is that context (as a window is its own `self`) and whose `document`
// makes the small elements below. The render code uses only createElement, setAttribute,
// textContent, append and replaceChildren, so that is all the stand-in offers: a script that
// reaches for more fails the test loudly instead of passing against an imagined DOM.

type Child = PageElement | string;

/** An element with attributes and children; text children stand for DOM text nodes. */
export class PageElement {
  readonly #attributes = new Map<string, string>();
  #children: Child[] = [];

  constructor(readonly tagName: string) {}

  setAttribute(name: string, value: unknown): void {
    this.#attributes.set(name, String(value));
  }

  getAttribute(name: string): string | null {
    return this.#attributes.get(name) ?? null;
  }

  append(...nodes: Child[]): void {
    this.#children.push(...nodes.map((node) => (node instanceof PageElement ? node : String(node))));
  }

  replaceChildren(...nodes: Child[]): void {
    this.#children = [];
    this.append(...nodes);
  }

  set textContent(value: unknown) {
    this.#children = [String(value)];
  }

  get textContent(): string {
    return this.#children.map((child) => (typeof child === 'string' ? child : child.textContent)).join('');
  }

  /** Every element below this one carrying `data-testid="<testId>"`, in document order. */
  findAll(testId: string): PageElement[] {
    return this.#children.flatMap((child) =>
      typeof child === 'string'
        ? []
        : [...(child.getAttribute('data-testid') === testId ? [child] : []), ...child.findAll(testId)],
    );
  }

  /** The one element with that test id; throws when there is none, naming it. */
  find(testId: string): PageElement {
    const [first] = this.findAll(testId);
    if (first === undefined)
      throw new Error(`no element with data-testid="${testId}" in: ${this.textContent}`);
    return first;
  }
}

export type PageLocale = 'zh-CN' | 'en';

/** What a rendered outcome is: the shape verify-outcome.js builds and verify-render.js reads. */
export interface PageOutcome {
  readonly kind: string | null;
  readonly status: string;
  readonly body?: unknown;
  readonly [other: string]: unknown;
}

export interface PageScripts {
  readonly text: Readonly<Record<PageLocale, unknown>>;
  outcomeFor(
    query: { kind: string; value: string; hash?: string | null },
    status: number,
    body: unknown,
  ): PageOutcome;
  renderOutcome(container: PageElement, outcome: PageOutcome, text: unknown, locale: PageLocale): void;
}

const ASSETS = path.join(__dirname, '..', 'assets');

/** Runs verify-text.js, verify-outcome.js and verify-render.js, in the page's order. */
export function loadPageScripts(): PageScripts {
  const context = createContext({ document: { createElement: (tag: string) => new PageElement(tag) } });
  context['self'] = context;
  for (const name of ['verify-text.js', 'verify-outcome.js', 'verify-render.js']) {
    new Script(readFileSync(path.join(ASSETS, name), 'utf8'), { filename: name }).runInContext(context);
  }
  const globals = context as {
    GovtraceVerifyText: PageScripts['text'];
    GovtraceVerifyOutcome: Pick<PageScripts, 'outcomeFor'>;
    GovtraceVerifyRender: Pick<PageScripts, 'renderOutcome'>;
  };
  return {
    text: globals.GovtraceVerifyText,
    outcomeFor: globals.GovtraceVerifyOutcome.outcomeFor,
    renderOutcome: globals.GovtraceVerifyRender.renderOutcome,
  };
}
