#pragma once
// A Beast body that sends a text many answers share (the served page, a published
// trace) without copying it: each answer holds the one string, so fifteen slow readers
// of a big deck cost one copy of it, not fifteen (issue 24). Only written, never read.
// Used only by serve/deck_server.cpp.
#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

namespace deckgen {

struct SharedTextBody {
  using value_type = std::shared_ptr<const std::string>;  // null: no body

  static std::uint64_t size(const value_type& body) { return body ? body->size() : 0; }

  class writer {
   public:
    using const_buffers_type = boost::asio::const_buffer;

    template <bool isRequest, class Fields>
    writer(const boost::beast::http::header<isRequest, Fields>&, const value_type& body) : body_(body) {}

    void init(boost::beast::error_code& ec) { ec = {}; }

    // The whole text in one buffer, then nothing more.
    boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code& ec) {
      ec = {};
      if (!body_ || body_->empty()) return boost::none;
      return std::make_pair(const_buffers_type(body_->data(), body_->size()), false);
    }

   private:
    const value_type& body_;
  };
};

}  // namespace deckgen
