// A JSON request or response body is documented (issue #20): its schema is a component ($ref) and it has an example,
// on the media type (example / examples) or on the component schema it references (examples / example).
module.exports = (mediaType, _options, context) => {
  const path = context.path || [];
  const contentType = path[path.length - 1];
  if (typeof contentType === 'string' && !contentType.includes('json')) {
    return []; // text/csv and other non-JSON bodies are described in words
  }
  const schema = (mediaType && mediaType.schema) || {};
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/components/schemas/')) {
    return [{ message: 'The body schema must be a component ($ref to #/components/schemas/...).' }];
  }
  if (mediaType.example !== undefined || mediaType.examples !== undefined) {
    return [];
  }
  const doc = context.document && context.document.data;
  const name = decodeURIComponent(ref.substring('#/components/schemas/'.length));
  const component = doc && doc.components && doc.components.schemas && doc.components.schemas[name];
  if (component && (component.examples !== undefined || component.example !== undefined)) {
    return [];
  }
  return [{ message: `The body (component ${name}) has no example, neither on the media type nor on the component.` }];
};
