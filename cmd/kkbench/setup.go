package main

import (
	"context"
	"fmt"
	"net/url"
)

// The product's default room (schema.DefaultRoomSlug).
const roomSlug = "break-room"

// prepareProduct turns the rate limiter off (the bench posts thousands of
// notes from one address; the product's default is 10 notes a minute per
// address) and returns the default room's id.
func prepareProduct(ctx context.Context, s *server) (roomID string, err error) {
	if err := s.api.call(ctx, "PATCH", "/api/settings", map[string]any{"rateLimits": map[string]any{"enabled": false}}, nil); err != nil {
		return "", fmt.Errorf("disable rate limiter: %w", err)
	}
	var list struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	if err := s.api.call(ctx, "GET", "/api/collections/rooms/records?filter="+url.QueryEscape("slug='"+roomSlug+"'"), nil, &list); err != nil {
		return "", err
	}
	if len(list.Items) != 1 {
		return "", fmt.Errorf("product has no room %q", roomSlug)
	}
	return list.Items[0].ID, nil
}

// preparePlain creates, through the REST API of plain PocketBase, the
// product's rooms, notes, events and signups collections with the same
// fields, indexes and public rules (pb_migrations/1764000000_collections.go;
// not the later sign-up index, 1764000500, nor the product's hooks), plus a
// public create rule on signups for the REST reference, and the default room. Returns the room's id.
func preparePlain(ctx context.Context, s *server) (roomID string, err error) {
	autodates := []map[string]any{
		{"name": "created", "type": "autodate", "onCreate": true},
		{"name": "updated", "type": "autodate", "onCreate": true, "onUpdate": true},
	}
	var rooms struct {
		ID string `json:"id"`
	}
	if err := s.api.call(ctx, "POST", "/api/collections", map[string]any{
		"name": "rooms", "type": "base", "listRule": "active = true", "viewRule": "active = true",
		"fields": append([]map[string]any{
			{"name": "name", "type": "text", "required": true, "max": 80},
			{"name": "slug", "type": "text", "required": true, "max": 60, "pattern": `^[a-z0-9-]+$`},
			{"name": "active", "type": "bool"},
		}, autodates...),
		"indexes": []string{"CREATE UNIQUE INDEX idx_rooms_slug ON rooms (slug)"},
	}, &rooms); err != nil {
		return "", fmt.Errorf("create rooms: %w", err)
	}
	if err := s.api.call(ctx, "POST", "/api/collections", map[string]any{
		"name": "notes", "type": "base",
		"listRule": `status = "approved"`, "viewRule": `status = "approved"`, "createRule": `@request.body.status:isset = false`,
		"fields": append([]map[string]any{
			{"name": "status", "type": "select", "values": []string{"pending", "approved", "rejected"}, "maxSelect": 1},
			{"name": "to", "type": "text", "required": true, "max": 80},
			{"name": "body", "type": "text", "required": true, "max": 600},
			{"name": "from", "type": "text", "max": 80},
			{"name": "room", "type": "relation", "collectionId": rooms.ID, "maxSelect": 1},
			{"name": "flags", "type": "json", "hidden": true, "maxSize": 20000},
		}, autodates...),
		"indexes": []string{"CREATE INDEX idx_notes_status_created ON notes (status, created)"},
	}, nil); err != nil {
		return "", fmt.Errorf("create notes: %w", err)
	}
	var events struct {
		ID string `json:"id"`
	}
	if err := s.api.call(ctx, "POST", "/api/collections", map[string]any{
		"name": "events", "type": "base",
		"fields": append([]map[string]any{
			{"name": "title", "type": "text", "required": true, "max": 140},
			{"name": "starts", "type": "date", "required": true},
			{"name": "capacity", "type": "number", "min": 0, "onlyInt": true},
			{"name": "status", "type": "select", "values": []string{"draft", "published", "cancelled"}, "maxSelect": 1},
		}, autodates...),
	}, &events); err != nil {
		return "", fmt.Errorf("create events: %w", err)
	}
	// public create: kkbench's REST-create reference for the sign-ups
	// (the product keeps sign-ups behind its form and events.SignUp)
	if err := s.api.call(ctx, "POST", "/api/collections", map[string]any{
		"name": "signups", "type": "base", "createRule": "",
		"fields": append([]map[string]any{
			{"name": "event", "type": "relation", "collectionId": events.ID, "maxSelect": 1, "required": true, "cascadeDelete": true},
			{"name": "name", "type": "text", "required": true, "max": 80},
			{"name": "email", "type": "email", "required": true},
			{"name": "unit", "type": "text", "max": 80},
			{"name": "status", "type": "select", "values": []string{"confirmed", "waitlisted", "cancelled"}, "maxSelect": 1},
			{"name": "token", "type": "text", "hidden": true, "max": 100},
		}, autodates...),
		"indexes": []string{
			"CREATE UNIQUE INDEX idx_signups_token ON signups (token) WHERE token != ''",
			"CREATE UNIQUE INDEX idx_signups_live ON signups (event, email) WHERE status != 'cancelled'",
		},
	}, nil); err != nil {
		return "", fmt.Errorf("create signups: %w", err)
	}
	return s.api.create(ctx, "rooms", map[string]any{"name": "Staff break room", "slug": roomSlug, "active": true})
}
