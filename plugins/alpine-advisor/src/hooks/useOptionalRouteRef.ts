import { useRouteRef } from '@backstage/core-plugin-api';
import type {
  RouteFunc,
  RouteRef,
  SubRouteRef,
} from '@backstage/core-plugin-api';

type AnyParams = { [param in string]: string } | undefined;

/**
 * Like useRouteRef, but undefined instead of an error when the app has not
 * mounted the route (e.g. an app without the plugin's page), so that a link
 * to it can simply be left out.
 */
export function useOptionalRouteRef<Params extends AnyParams>(
  routeRef: RouteRef<Params> | SubRouteRef<Params>,
): RouteFunc<Params> | undefined {
  try {
    // useRouteRef calls all of its hooks before it throws, so the hook order
    // stays the same whether or not the route is mounted.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    return useRouteRef(routeRef);
  } catch {
    return undefined;
  }
}
