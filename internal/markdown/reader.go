package markdown

import "github.com/yuin/goldmark/text"

func textReader(src string) text.Reader { return text.NewReader([]byte(src)) }
