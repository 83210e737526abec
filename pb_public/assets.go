// Package pb_public embeds the public static assets (CSS, the kiosk script,
// images) so the binary serves them without any folder beside it.
//
// The .go file itself is not embedded: only the listed folders are.
package pb_public

import "embed"

// FS holds css/, js/ and img/.
//
//go:embed css js img
var FS embed.FS
