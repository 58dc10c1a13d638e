#!/usr/bin/env python3
"""An independent OpenID Provider (idpyoidc) for the ProSanteConnect interop tests.

Serves discovery (standard name), JWKS, authorization (code + PKCE S256, the user is authenticated without a page:
NoAuthn as the TEST professional 899700000013), token, userinfo, on a free loopback port. Prints one JSON ready line.
TEST only: keys are generated in a temporary directory at start.
"""
import json
import os
import sys
import tempfile
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from idpyoidc.server import Server
from idpyoidc.server.configure import OPConfiguration

CLIENT_ID = "passerelle"
CLIENT_SECRET = "TEST-secret-passerelle-interop"
USER = "899700000013"
USERINFO = {
    USER: {
        "sub": USER,
        "SubjectNameID": USER,
        "given_name": "JEANNE",
        "family_name": "MEDECIN0000001",
        "preferred_username": USER,
        "SubjectRefPro": {"codeCivilite": "MME", "exercices": [
            {"codeProfession": "10", "nomDexercice": "MEDECIN0000001", "prenomDexercice": "JEANNE",
             "activities": [{"raisonSocialeSite": "TEST CENTRE DE SANTE PASSERELLE", "codePostal": "69003"}]}]},
    }
}


def build_server(port, workdir):
    issuer = f"http://127.0.0.1:{port}"
    conf = {
        "issuer": issuer,
        "httpc_params": {"verify": False},
        "keys": {
            "private_path": os.path.join(workdir, "jwks.json"),
            "key_defs": [{"type": "RSA", "use": ["sig"]}, {"type": "EC", "crv": "P-256", "use": ["sig"]}],
            "uri_path": "jwks.json",
            "read_only": False,
        },
        "token_handler_args": {
            "jwks_def": {
                "private_path": os.path.join(workdir, "token_jwks.json"),
                "read_only": False,
                "key_defs": [{"type": "oct", "bytes": "24", "use": ["enc"], "kid": "code"}],
            },
            "code": {"kwargs": {"lifetime": 600}},
            "token": {"class": "idpyoidc.server.token.jwt_token.JWTToken", "kwargs": {"lifetime": 3600}},
            "refresh": {"class": "idpyoidc.server.token.jwt_token.JWTToken", "kwargs": {"lifetime": 86400}},
            "id_token": {"class": "idpyoidc.server.token.id_token.IDToken", "kwargs": {}},
        },
        "endpoint": {
            "provider_info": {
                "path": ".well-known/openid-configuration",
                "class": "idpyoidc.server.oidc.provider_config.ProviderConfiguration",
                "kwargs": {},
            },
            "authorization": {
                "path": "authorization",
                "class": "idpyoidc.server.oidc.authorization.Authorization",
                "kwargs": {"response_types_supported": ["code"], "response_modes_supported": ["query"]},
            },
            "token": {
                "path": "token",
                "class": "idpyoidc.server.oidc.token.Token",
                "kwargs": {"client_authn_method": ["client_secret_basic", "client_secret_post"]},
            },
            "userinfo": {"path": "userinfo", "class": "idpyoidc.server.oidc.userinfo.UserInfo", "kwargs": {}},
        },
        "authentication": {
            "anon": {
                "acr": "eidas1",
                "class": "idpyoidc.server.user_authn.user.NoAuthn",
                "kwargs": {"user": USER},
            }
        },
        "userinfo": {"class": "idpyoidc.server.user_info.UserInfo", "kwargs": {"db": USERINFO}},
        "add_on": {
            "pkce": {
                "function": "idpyoidc.server.oauth2.add_on.pkce.add_support",
                "kwargs": {"essential": True, "code_challenge_method": ["S256"]},
            }
        },
        "scopes_to_claims": {
            "openid": ["sub"],
            "offline_access": [],
            "scope_all": ["SubjectNameID", "given_name", "family_name", "preferred_username", "SubjectRefPro"],
        },
        "preference": {"scopes_supported": ["openid", "scope_all", "offline_access"]},
        "template_dir": workdir,
    }
    server = Server(OPConfiguration(conf=conf, base_path=workdir, domain="127.0.0.1", port=port), cwd=workdir)
    server.context.cdb[CLIENT_ID] = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uris": [(f"http://127.0.0.1:{p}/callback", {}) for p in []],
        "response_types_supported": ["code"],
        "token_endpoint_auth_method": "client_secret_basic",
        "allowed_scopes": ["openid", "scope_all", "offline_access"],
        "client_salt": "salted",
    }
    return server


class Handler(BaseHTTPRequestHandler):
    server_version = "idpyoidc-interop"

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json", headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def respond(self, endpoint, args):
        if "response" in args and "error" in str(args.get("response", "")) and "http_headers" not in args:
            pass
        resp = endpoint.do_response(**args)
        headers = resp.get("http_headers", [])
        body = resp.get("response", "")
        location = None
        for name, value in headers:
            if name.lower() == "location":
                location = value
        if location or args.get("response_args") is not None and endpoint.name == "authorization":
            location = location or body
            self.send(302, "", "text/plain", [("Location", location)])
            return
        content_type = "application/json"
        for name, value in headers:
            if name.lower() == "content-type":
                content_type = value
        status = 400 if '"error"' in (body if isinstance(body, str) else "") else 200
        self.send(status, body, content_type)

    def handle_endpoint(self, name, request, http_info):
        op = self.server.op
        endpoint = op.get_endpoint(name)
        try:
            parsed = endpoint.parse_request(request, http_info=http_info)
            if isinstance(parsed, dict) and "error" in parsed:
                self.send(400, json.dumps(parsed))
                return
            args = endpoint.process_request(parsed, http_info=http_info)
            if "error" in args:
                self.send(400, json.dumps({k: v for k, v in args.items() if k in ("error", "error_description")}))
                return
            self.respond(endpoint, args)
        except Exception as error:  # noqa: BLE001 - report every OP failure to the client
            self.send(400, json.dumps({"error": "invalid_request", "error_description": f"{type(error).__name__}: {error}"}))

    def http_info(self):
        return {"headers": {k.lower(): v for k, v in self.headers.items()}, "method": self.command,
                "url": f"{self.server.issuer}{self.path}"}

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        op = self.server.op
        if url.path == "/.well-known/openid-configuration":
            self.handle_endpoint("provider_config", query, self.http_info())
        elif url.path == "/jwks.json":
            self.send(200, json.dumps(op.context.keyjar.export_jwks(issuer_id="")))
        elif url.path == "/authorization":
            # RFC 8252 §7.3: a native client's loopback redirect may use any port.
            redirect = query.get("redirect_uri", "")
            parts = urllib.parse.urlsplit(redirect)
            client = op.context.cdb.get(query.get("client_id", ""))
            if client is not None and parts.scheme == "http" and parts.hostname == "127.0.0.1":
                if all(uri != redirect for uri, _ in client["redirect_uris"]):
                    client["redirect_uris"].append((redirect, {}))
            self.handle_endpoint("authorization", query, self.http_info())
        elif url.path == "/userinfo":
            self.handle_endpoint("userinfo", {}, self.http_info())
        else:
            self.send(404, "{}")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode()
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/token":
            self.handle_endpoint("token", body, self.http_info())
        elif url.path == "/userinfo":
            self.handle_endpoint("userinfo", body, self.http_info())
        else:
            self.send(404, "{}")


def main():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = httpd.server_address[1]
    workdir = tempfile.mkdtemp(prefix="psc-interop-op-")
    httpd.op = build_server(port, workdir)
    httpd.issuer = f"http://127.0.0.1:{port}"
    print(json.dumps({"ready": True, "issuer": httpd.issuer, "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}),
          flush=True)
    httpd.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
