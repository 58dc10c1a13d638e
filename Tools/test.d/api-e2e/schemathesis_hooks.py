"""schemathesis hooks for Tools/test.d/80-api.sh: lets it send generated bodies to the PDF upload route."""

import schemathesis


@schemathesis.serializer("application/pdf")
def pdf_body(context, value):
    # Generated values are strings or bytes (contentMediaType application/pdf): send them as the raw body.
    if isinstance(value, bytes):
        return {"data": value}
    return {"data": str(value).encode("utf-8", "surrogatepass")}
