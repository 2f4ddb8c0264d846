import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './pol.css';

import { StrictMode, useMemo, useState, type ChangeEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { StarIcon, ToolbarButton, ToolbarMenu, useGraphiQL, useGraphiQLActions } from '@graphiql/react';

interface DemoUser {
  email: string;
  label: string;
  token: string;
}

interface Example {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const DEFAULT_QUERY = `# Counties of the province
{
  regions(level: COUNTY, first: 20) {
    nodes {
      code
      nameFa
      nameEn
      population
    }
  }
}
`;

const USER_KEY = 'pol.explorer.demoUser';
const PUBLIC = '';

// Created once: GraphiQL compares plugin identity on every render.
const explorer = explorerPlugin();
const plugins = [explorer];

function graphqlUrl(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="pol-graphql-path"]');
  return new URL(meta?.content || '/graphql', window.location.origin).href;
}

// Sibling endpoints of the page (the page is served at "<mount>/").
async function getOptionalJson(name: string): Promise<unknown> {
  try {
    const res = await fetch(new URL(name, document.baseURI), {
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'same-origin',
    });
    return res.ok ? await res.json() : undefined;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseDemoUsers(data: unknown): DemoUser[] | undefined {
  if (!Array.isArray(data)) return undefined;
  return data.filter(
    (u): u is DemoUser =>
      isRecord(u) && typeof u.email === 'string' && typeof u.label === 'string' && typeof u.token === 'string',
  );
}

function parseExamples(data: unknown): Example[] | undefined {
  if (!Array.isArray(data)) return undefined;
  const list = data.filter(
    (e): e is Example =>
      isRecord(e) &&
      typeof e.name === 'string' &&
      typeof e.query === 'string' &&
      (e.variables === undefined || isRecord(e.variables)),
  );
  return list.length > 0 ? list : undefined;
}

function readStoredUser(): string {
  try {
    return window.localStorage.getItem(USER_KEY) ?? PUBLIC;
  } catch {
    return PUBLIC;
  }
}

function storeUser(email: string): void {
  try {
    window.localStorage.setItem(USER_KEY, email);
  } catch {
    // Storage disabled: the choice just lasts for this page.
  }
}

function exampleTab(example: Example): { query: string; variables?: string } {
  const query = `# ${example.name}\n${example.query.trim()}\n`;
  return example.variables ? { query, variables: JSON.stringify(example.variables, null, 2) } : { query };
}

function ExamplesMenu({ examples }: { examples: Example[] }) {
  const { addTab } = useGraphiQLActions();
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const open = (example: Example) => {
    const tab = exampleTab(example);
    addTab();
    queryEditor?.setValue(tab.query);
    variableEditor?.setValue(tab.variables ?? '');
  };
  return (
    <ToolbarMenu
      button={
        <ToolbarButton label="Open a saved example" data-testid="pol-examples">
          <StarIcon className="graphiql-toolbar-icon" aria-hidden="true" />
        </ToolbarButton>
      }
    >
      {examples.map((example) => (
        <ToolbarMenu.Item key={example.name} onSelect={() => open(example)}>
          {example.name}
        </ToolbarMenu.Item>
      ))}
    </ToolbarMenu>
  );
}

function App({ demoUsers, examples }: { demoUsers?: DemoUser[]; examples?: Example[] }) {
  const [userEmail, setUserEmail] = useState<string>(() => {
    const stored = readStoredUser();
    return demoUsers?.some((u) => u.email === stored) ? stored : PUBLIC;
  });
  const token = demoUsers?.find((u) => u.email === userEmail)?.token;

  // A new fetcher makes GraphiQL introspect again, so the docs and the explorer show
  // the schema as the chosen user sees it.
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: graphqlUrl(),
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      }),
    [token],
  );

  const onUserChange = (event: ChangeEvent<HTMLSelectElement>) => {
    setUserEmail(event.target.value);
    storeUser(event.target.value);
  };

  const defaultTabs = useMemo(() => examples?.map(exampleTab), [examples]);

  return (
    <div className="pol-app">
      <header className="pol-bar">
        <h1>Pol — GraphQL explorer</h1>
        <span className="pol-spacer" />
        {demoUsers && (
          <label>
            Demo user
            <select data-testid="pol-demo-user" value={userEmail} onChange={onUserChange}>
              <option value={PUBLIC}>public (no token)</option>
              {demoUsers.map((u) => (
                <option key={u.email} value={u.email}>
                  {u.label} — {u.email}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <div className="pol-graphiql">
        <GraphiQL
          fetcher={fetcher}
          plugins={plugins}
          visiblePlugin={explorer}
          defaultQuery={DEFAULT_QUERY}
          defaultTabs={defaultTabs}
        >
          <GraphiQL.Toolbar>
            {({ prettify, merge, copy }) => (
              <>
                {prettify}
                {merge}
                {copy}
                {examples && <ExamplesMenu examples={examples} />}
              </>
            )}
          </GraphiQL.Toolbar>
        </GraphiQL>
      </div>
    </div>
  );
}

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const [users, examples] = await Promise.all([getOptionalJson('demo-users'), getOptionalJson('examples')]);
  root.render(
    <StrictMode>
      <App demoUsers={parseDemoUsers(users)} examples={parseExamples(examples)} />
    </StrictMode>,
  );
}

void main();
