package site

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/kindness-coalition/kindness-kiosk/internal/web"
)

// contentSecurityPolicy allows only the binary's own scripts, styles and
// images (QR codes are same-origin PNGs; data: covers tiny inline SVGs).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the CSP and friends on HTML pages and refuses
// cross-origin form posts (Go's http.CrossOriginProtection checks
// Sec-Fetch-Site and Origin; no tokens in forms needed).
func securityHeaders() func(e *core.RequestEvent) error {
	cop := http.NewCrossOriginProtection()
	return func(e *core.RequestEvent) error {
		if !web.IsHTMLPath(e.Request.URL.Path) {
			return e.Next()
		}
		h := e.Response.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		if err := cop.Check(e.Request); err != nil {
			return e.ForbiddenError("Cross-origin form posts are not accepted.", err)
		}
		return e.Next()
	}
}
