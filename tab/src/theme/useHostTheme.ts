import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { app } from '@microsoft/teams-js';
import { useEffect, useState } from 'react';

type ThemeName = 'default' | 'dark' | 'contrast';

const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const toThemeName = (value: string | undefined): ThemeName =>
  value === 'dark' || value === 'contrast' ? value : 'default';

function browserThemeName(): ThemeName {
  if (window.matchMedia('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

/**
 * The Fluent theme that matches the host: inside Teams the user's Teams theme (default, dark or high contrast),
 * followed live when they switch it; outside Teams the browser's colour scheme and forced-colours setting.
 */
export function useHostTheme(inTeams: boolean): Theme {
  const [name, setName] = useState<ThemeName>(() => (inTeams ? 'default' : browserThemeName()));

  useEffect(() => {
    if (inTeams) {
      let active = true;
      void app.getContext().then(
        (context) => active && setName(toThemeName(context.app.theme)),
        () => undefined,
      );
      app.registerOnThemeChangeHandler((theme) => active && setName(toThemeName(theme)));
      return () => {
        active = false;
      };
    }
    const queries = ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((query) =>
      window.matchMedia(query),
    );
    const onChange = () => setName(browserThemeName());
    setName(browserThemeName());
    queries.forEach((query) => query.addEventListener('change', onChange));
    return () => queries.forEach((query) => query.removeEventListener('change', onChange));
  }, [inTeams]);

  return THEMES[name];
}
