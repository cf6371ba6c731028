import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import type { Me } from '../api/types';

export type PageProps = {
  me: Me;
  /** The location path, for pages with views of their own (`/team/{personId}`). */
  path: string;
  navigate: (path: string) => void;
};

/** One page of the tab: its path (also a static tab's contentUrl), its label, and who sees it. */
export type PageDefinition = {
  path: string;
  label: string;
  visibleTo(roles: readonly string[]): boolean;
  /** Paths outside `path` this page also answers (the editor's `/workflows/{id}/edit`). */
  alsoMatches?: RegExp;
  Page: LazyExoticComponent<ComponentType<PageProps>>;
};

/** Each page is its own chunk, loaded when first opened, so the first load stays small. */
export const PAGES: readonly PageDefinition[] = [
  {
    path: '/profile',
    label: 'My profile',
    visibleTo: () => true,
    Page: lazy(() =>
      import('../pages/profile/ProfilePage').then((module) => ({ default: module.ProfilePage })),
    ),
  },
  {
    path: '/team',
    label: 'My team',
    visibleTo: (roles) => roles.includes('manager'),
    Page: lazy(() => import('../pages/team/TeamPage').then((module) => ({ default: module.TeamPage }))),
  },
  {
    path: '/organisation',
    label: 'Organisation',
    visibleTo: (roles) => roles.includes('admin'),
    Page: lazy(() =>
      import('../pages/organisation/OrganisationPage').then((module) => ({
        default: module.OrganisationPage,
      })),
    ),
  },
  {
    path: '/workflows',
    label: 'Workflows',
    visibleTo: () => true,
    Page: lazy(() =>
      import('../pages/workflows/WorkflowsPage').then((module) => ({ default: module.WorkflowsPage })),
    ),
  },
  {
    path: '/reviews',
    label: 'Reviews',
    visibleTo: (roles) => roles.includes('manager') || roles.includes('author'),
    Page: lazy(() =>
      import('../pages/reviews/ReviewsPage').then((module) => ({ default: module.ReviewsPage })),
    ),
  },
  {
    path: '/authoring',
    label: 'Authoring',
    visibleTo: (roles) => roles.includes('author') || roles.includes('admin'),
    alsoMatches: /^\/workflows\/(new|[0-9a-f-]{36}\/edit)$/i,
    Page: lazy(() => import('../pages/editor/EditorPage').then((module) => ({ default: module.EditorPage }))),
  },
  {
    path: '/settings',
    label: 'Settings',
    visibleTo: (roles) => roles.includes('admin'),
    Page: lazy(() =>
      import('../pages/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })),
    ),
  },
];

/** The page for a location path: the one whose path it is (or starts with), else the first the caller sees. */
export function pageFor(path: string, roles: readonly string[]): PageDefinition | null {
  const visible = PAGES.filter((page) => page.visibleTo(roles));
  return (
    visible.find((page) => page.alsoMatches?.test(path)) ??
    visible.find((page) => path === page.path || path.startsWith(`${page.path}/`)) ??
    visible[0] ??
    null
  );
}
