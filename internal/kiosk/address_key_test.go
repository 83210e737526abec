package kiosk

import "testing"

// TestAddressKey: an IPv6 client is counted by its /64, which a single
// device can fill with addresses of its own; IPv4 by its address.
func TestAddressKey(t *testing.T) {
	for in, want := range map[string]string{
		"10.1.2.3":                 "10.1.2.3",
		"2001:db8:1:2:aaaa::1":     "2001:db8:1:2::/64",
		"2001:db8:1:2:bbbb::9":     "2001:db8:1:2::/64",
		"2001:db8:1:3::1":          "2001:db8:1:3::/64",
		"::ffff:10.1.2.3":          "::ffff:10.1.2.3",
		"not an address":           "not an address",
		"0000:0000:0000:0000:0000": "0000:0000:0000:0000:0000",
	} {
		if got := addressKey(in); got != want {
			t.Errorf("addressKey(%q) = %q, want %q", in, got, want)
		}
	}
}
