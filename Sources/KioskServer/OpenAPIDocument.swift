import Foundation

/// The OpenAPI 3.1 description of Kiosk's HTTP APIs (the Content API so far), served at `/api/openapi.json`.
enum OpenAPIDocument {
    /// The document as JSON text.
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Kiosk Content API",
    "version": "1.0.0",
    "description": "The public, read-only Content API: published articles and the taxonomy as JSON. Drafts never appear. Every answer allows any origin (CORS). Mistakes get an RFC 9457 problem document. When the server runs with KIOSK_CONTENT_API_KEY, every request must carry that key as the key query parameter; otherwise key is ignored. The token-authenticated Admin API is not described yet."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "tags": [
    {
      "name": "Content",
      "description": "The read-only Content API under /api/content/v1."
    }
  ],
  "paths": {
    "/api/content/v1/articles": {
      "get": {
        "operationId": "listArticles",
        "summary": "Published articles, newest first, a page at a time.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "name": "page",
            "in": "query",
            "required": false,
            "description": "The page, from 1 (the default).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100000,
              "default": 1
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Articles a page, 15 unless given.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 15
            }
          },
          {
            "name": "section",
            "in": "query",
            "required": false,
            "description": "Only articles of this section (a slug). Use at most one of section, topic, series and author; more answer 400, an unknown slug 404.",
            "schema": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "minLength": 1,
              "maxLength": 120
            }
          },
          {
            "name": "topic",
            "in": "query",
            "required": false,
            "description": "Only articles of this topic (a slug). Use at most one of section, topic, series and author; more answer 400, an unknown slug 404.",
            "schema": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "minLength": 1,
              "maxLength": 120
            }
          },
          {
            "name": "series",
            "in": "query",
            "required": false,
            "description": "Only articles of this series (a slug). Use at most one of section, topic, series and author; more answer 400, an unknown slug 404.",
            "schema": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "minLength": 1,
              "maxLength": 120
            }
          },
          {
            "name": "author",
            "in": "query",
            "required": false,
            "description": "Only articles of this author (a slug). Use at most one of section, topic, series and author; more answer 400, an unknown slug 404.",
            "schema": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "minLength": 1,
              "maxLength": 120
            }
          },
          {
            "$ref": "#/components/parameters/Fields"
          },
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of articles.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "articles",
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "articles": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ArticleSummary"
                      }
                    },
                    "meta": {
                      "type": "object",
                      "required": [
                        "pagination"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "pagination": {
                          "$ref": "#/components/schemas/Pagination"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/api/content/v1/articles/{ref}": {
      "get": {
        "operationId": "getArticle",
        "summary": "One published article, by id or slug.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "name": "ref",
            "in": "path",
            "required": true,
            "description": "The article's numeric id or its slug.",
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "example": "1"
          },
          {
            "$ref": "#/components/parameters/Fields"
          },
          {
            "name": "include",
            "in": "query",
            "required": false,
            "description": "Comma-separated extras; html adds the rendered body. Anything else is ignored.",
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "The article.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "article"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "article": {
                      "$ref": "#/components/schemas/Article"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/api/content/v1/sections": {
      "get": {
        "operationId": "listSections",
        "summary": "All sections.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "The sections.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "sections",
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "sections": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Term"
                      }
                    },
                    "meta": {
                      "$ref": "#/components/schemas/Total"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/content/v1/topics": {
      "get": {
        "operationId": "listTopics",
        "summary": "All topics.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "The topics.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "topics",
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "topics": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Term"
                      }
                    },
                    "meta": {
                      "$ref": "#/components/schemas/Total"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/content/v1/series": {
      "get": {
        "operationId": "listSeries",
        "summary": "All series.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "The series.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "series",
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "series": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Term"
                      }
                    },
                    "meta": {
                      "$ref": "#/components/schemas/Total"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/content/v1/authors": {
      "get": {
        "operationId": "listAuthors",
        "summary": "All authors.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "The authors.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "authors",
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "authors": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Author"
                      }
                    },
                    "meta": {
                      "$ref": "#/components/schemas/Total"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/content/v1/settings": {
      "get": {
        "operationId": "getSettings",
        "summary": "The publication's public settings.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "The settings.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "settings"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "settings": {
                      "$ref": "#/components/schemas/Settings"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    }
  },
  "components": {
    "parameters": {
      "Key": {
        "name": "key",
        "in": "query",
        "required": false,
        "description": "The access key, required only when the server is configured with KIOSK_CONTENT_API_KEY; a missing or wrong key then answers 401.",
        "schema": {
          "type": "string"
        }
      },
      "Fields": {
        "name": "fields",
        "in": "query",
        "required": false,
        "description": "Comma-separated article fields to return, from id, slug, url, title, dek, format, section, series, authors, excerpt, image, published_at; an unknown field answers 400. Empty or absent means all.",
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "A parameter is malformed or out of range.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "The access key is missing or wrong.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotFound": {
        "description": "Nothing published by that id, slug or filter.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      }
    },
    "schemas": {
      "Problem": {
        "type": "object",
        "description": "An RFC 9457 problem document.",
        "required": [
          "type",
          "title",
          "status",
          "detail"
        ],
        "properties": {
          "type": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599
          },
          "detail": {
            "type": "string"
          }
        }
      },
      "Timestamp": {
        "type": "string",
        "format": "date-time",
        "description": "ISO 8601 in UTC."
      },
      "Reference": {
        "type": "object",
        "required": [
          "slug",
          "name"
        ],
        "additionalProperties": false,
        "properties": {
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "name": {
            "type": "string"
          }
        }
      },
      "AuthorReference": {
        "type": "object",
        "required": [
          "slug",
          "name",
          "url"
        ],
        "additionalProperties": false,
        "properties": {
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "name": {
            "type": "string"
          },
          "url": {
            "type": "string"
          }
        }
      },
      "Image": {
        "type": "object",
        "required": [
          "url",
          "alt",
          "caption",
          "credit",
          "width",
          "height"
        ],
        "additionalProperties": false,
        "properties": {
          "url": {
            "type": "string"
          },
          "alt": {
            "type": "string"
          },
          "caption": {
            "type": "string"
          },
          "credit": {
            "type": "string"
          },
          "width": {
            "type": "integer"
          },
          "height": {
            "type": "integer"
          }
        }
      },
      "ArticleSummary": {
        "type": "object",
        "additionalProperties": false,
        "description": "An article in a list. All properties are present unless fields= picks some.",
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1
          },
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "url": {
            "type": "string",
            "description": "The article's public address."
          },
          "title": {
            "type": "string"
          },
          "dek": {
            "type": "string"
          },
          "format": {
            "type": "string",
            "enum": [
              "reporting",
              "analysis",
              "opinion",
              "explainer",
              "interview",
              "review"
            ]
          },
          "section": {
            "$ref": "#/components/schemas/Reference"
          },
          "series": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Reference"
              },
              {
                "type": "null"
              }
            ]
          },
          "authors": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AuthorReference"
            }
          },
          "excerpt": {
            "type": "string"
          },
          "image": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Image"
              },
              {
                "type": "null"
              }
            ]
          },
          "published_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "Article": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "topics",
          "updated_at"
        ],
        "description": "One article. The summary properties are present unless fields= picks some; topics and updated_at always, html with include=html.",
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1
          },
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "url": {
            "type": "string",
            "description": "The article's public address."
          },
          "title": {
            "type": "string"
          },
          "dek": {
            "type": "string"
          },
          "format": {
            "type": "string",
            "enum": [
              "reporting",
              "analysis",
              "opinion",
              "explainer",
              "interview",
              "review"
            ]
          },
          "section": {
            "$ref": "#/components/schemas/Reference"
          },
          "series": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Reference"
              },
              {
                "type": "null"
              }
            ]
          },
          "authors": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AuthorReference"
            }
          },
          "excerpt": {
            "type": "string"
          },
          "image": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Image"
              },
              {
                "type": "null"
              }
            ]
          },
          "published_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "topics": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Reference"
            }
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "html": {
            "type": "string",
            "description": "The rendered body; only with include=html."
          }
        }
      },
      "Pagination": {
        "type": "object",
        "required": [
          "page",
          "limit",
          "pages",
          "total",
          "next",
          "prev"
        ],
        "additionalProperties": false,
        "properties": {
          "page": {
            "type": "integer",
            "minimum": 1
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          },
          "pages": {
            "type": "integer",
            "minimum": 0
          },
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "next": {
            "type": [
              "integer",
              "null"
            ]
          },
          "prev": {
            "type": [
              "integer",
              "null"
            ]
          }
        }
      },
      "Total": {
        "type": "object",
        "required": [
          "total"
        ],
        "additionalProperties": false,
        "properties": {
          "total": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "Link": {
        "type": "object",
        "required": [
          "label",
          "url"
        ],
        "additionalProperties": false,
        "properties": {
          "label": {
            "type": "string"
          },
          "url": {
            "type": "string"
          }
        }
      },
      "Term": {
        "type": "object",
        "required": [
          "slug",
          "name",
          "description",
          "url"
        ],
        "additionalProperties": false,
        "properties": {
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "url": {
            "type": "string"
          }
        }
      },
      "Author": {
        "type": "object",
        "required": [
          "slug",
          "name",
          "bio",
          "url",
          "links"
        ],
        "additionalProperties": false,
        "properties": {
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "name": {
            "type": "string"
          },
          "bio": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "links": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Link"
            }
          }
        }
      },
      "Settings": {
        "type": "object",
        "required": [
          "name",
          "description",
          "about",
          "locale",
          "time_zone",
          "url",
          "social_profiles"
        ],
        "additionalProperties": false,
        "properties": {
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "about": {
            "type": "string"
          },
          "locale": {
            "type": "string"
          },
          "time_zone": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "social_profiles": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Link"
            }
          }
        }
      }
    }
  }
}
"""#
}
