import { GraphQLError } from 'graphql';

// The gateway's part of the read APIs' access rules (issue 16, ADR 0063): the subgraphs verify the caller's bearer
// token (signature, issuer, expiry, the analyst role); the gateway only
//   - forwards the caller's Authorization header to every subgraph (propagateHeaders.fromClientToSubgraphs),
//   - refuses a GraphQL request without a bearer token at once, as the services do: 401 problem+json with
//     WWW-Authenticate: Bearer (no fan-out of requests that every subgraph would refuse). A token that is there but not
//     valid, or without the analyst role, is refused by the subgraphs: their 401 or 403 becomes the gateway's answer
//     (status, WWW-Authenticate on a 401, one error naming it; see useSubgraphRefusals), not a masked "Unexpected
//     error", and
//   - serves the local dashboard its token (GET /dashboard/token; 204 without one) only when NEWSMELL_DASHBOARD_TOKEN is set, as
//     ./scripts/up sets it to the local analyst token: never set it where the gateway is reachable by others.

/** The headers of a subgraph request taken from the client's request: its Authorization, when it has one. */
export function forwardedHeaders(request) {
  const authorization = request?.headers?.get('authorization'); // no request: a gateway-made call
  return authorization ? { authorization } : {};
}

/** An RFC 9457 problem answer, as the services' toolkit writes them. */
function problem(fetchAPI, status, slug, title, detail, instance, headers = {}) {
  return new fetchAPI.Response(
    JSON.stringify({ type: `https://newsmell.dev/problems/${slug}`, title, status, detail, instance }),
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
}

/** The 401 of a GraphQL request without a bearer token. */
export function tokenRequired(fetchAPI, path) {
  return problem(fetchAPI, 401, 'token-required', 'Bearer token required',
    'GraphQL takes a valid bearer token (Authorization: Bearer <JWT>) of the analyst or admin role.', path,
    { 'www-authenticate': 'Bearer' });
}

/** Whether the request carries a bearer token (not checked here: the subgraphs verify it). */
export function hasBearer(request) {
  return /^bearer\s+\S+/i.test(request.headers.get('authorization') ?? '');
}

/**
 * A gateway (Yoga) plugin: a GraphQL request (any method but the CORS preflight) without a bearer token is answered
 * 401 before it is parsed; the dashboard's token is served when configured.
 */
export function useBearerRequired({ graphqlPath = '/graphql', dashboardToken = process.env.NEWSMELL_DASHBOARD_TOKEN } = {}) {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname === '/dashboard/token' && request.method === 'GET') {
        // 204 rather than 404 where none is configured: the page then asks for one, with no console error
        endResponse(dashboardToken
          ? new fetchAPI.Response(JSON.stringify({ token: dashboardToken }),
            { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } })
          : new fetchAPI.Response(null, { status: 204, headers: { 'cache-control': 'no-store' } }));
        return;
      }
      if (url.pathname === graphqlPath && request.method !== 'OPTIONS' && !hasBearer(request)) {
        endResponse(tokenRequired(fetchAPI, url.pathname));
      }
    },
  };
}

const REFUSED = Symbol('newsmell.refusedBySubgraph');

/**
 * A gateway plugin: when a subgraph refuses the forwarded token (401: invalid, expired, another issuer; 403: without
 * the analyst role), the operation's answer is that refusal: HTTP 401 (with WWW-Authenticate: Bearer) or 403 and one
 * error saying so, with no data, rather than the error Hive Gateway would mask as "Unexpected error".
 */
export function useSubgraphRefusals() {
  return {
    onFetch({ context }) {
      return ({ response }) => {
        if ((response.status === 401 || response.status === 403) && context) {
          context[REFUSED] = Math.min(context[REFUSED] ?? 403, response.status);
        }
      };
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          const status = args.contextValue?.[REFUSED];
          if (!status || Symbol.asyncIterator in Object(result)) return;
          setResult({
            data: null,
            errors: [refusal(status)],
          });
        },
      };
    },
  };
}

/** The GraphQL error of a refused token, with the HTTP status (and challenge) Yoga answers with. */
export function refusal(status) {
  const unauthorized = status === 401;
  return new GraphQLError(
    unauthorized
      ? 'Bearer token required: the token is not valid (signature, issuer or expiry).'
      : 'Role required: the token\'s roles do not allow GraphQL (analyst or admin).',
    {
      extensions: {
        code: unauthorized ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        http: { status, headers: unauthorized ? { 'www-authenticate': 'Bearer' } : {} },
      },
    },
  );
}
