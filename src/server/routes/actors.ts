// What the knowledge base knows of an actor (roles over time, aliases), for the actor page.
import { Hono } from 'hono';
import { describeActor } from '../../understand/index.ts';

export function actorRoutes(): Hono {
  const app = new Hono();
  // "Nothing known" is a value: the actor page still lists the stored mentions of an unknown name.
  app.get('/:name', (c) => c.json({ name: c.req.param('name'), known: describeActor(c.req.param('name')) }));
  return app;
}
