import type { HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';

/**
 * Lets the Teams SDK register its messaging endpoint without owning an HTTP server: Practica's own HTTP app
 * parses and checks the request, then hands it to the captured handler (which validates the Bot Framework token).
 */
export class CapturedRouteAdapter implements IHttpServerAdapter {
  private handler: HttpRouteHandler | null = null;

  registerRoute(_method: 'POST', _path: string, handler: HttpRouteHandler): void {
    this.handler = handler;
  }

  get messagesHandler(): HttpRouteHandler {
    if (!this.handler) throw new Error('The Teams app has not been initialised');
    return this.handler;
  }
}
